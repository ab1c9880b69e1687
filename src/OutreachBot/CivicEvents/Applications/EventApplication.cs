namespace OutreachBot.CivicEvents.Applications;

/// <summary>One application to an event: a citizen's in LINE, or one staff took by phone or at the door.</summary>
public sealed record EventApplication
{
    public const string Confirmed = "confirmed";
    public const string Waiting = "waiting";
    public const string Cancelled = "cancelled";

    public long Id { get; init; }

    public long EventId { get; init; }

    /// <summary>Per event, in the order applications were taken: the order of confirmation and of the waiting list.</summary>
    public long Number { get; init; }

    /// <summary>The citizen's LINE user id; null for one staff entered.</summary>
    public string? UserId { get; init; }

    /// <summary><c>line</c>, <c>staff</c> or <c>web</c>.</summary>
    public required string Channel { get; init; }

    /// <summary>The name staff took down, or for a LINE applicant their LINE display name.</summary>
    public string? Name { get; init; }

    public string? Phone { get; init; }

    public int PartySize { get; init; }

    /// <summary>The answers to the event's questions, in order (a choice as its Japanese label); empty once erased.</summary>
    public IReadOnlyList<string> Answers { get; init; } = [];

    /// <summary><see cref="Confirmed"/>, <see cref="Waiting"/> or <see cref="Cancelled"/>.</summary>
    public required string Status { get; init; }

    public DateTimeOffset AppliedAt { get; init; }

    public DateTimeOffset? MovedUpAt { get; init; }

    public DateTimeOffset? CancelledAt { get; init; }

    public DateTimeOffset? AttendedAt { get; init; }

    /// <summary>The applicant's answer to the thanks the day after: 1 to 5, or null.</summary>
    public int? Rating { get; init; }

    public DateTimeOffset? RatedAt { get; init; }

    /// <summary>What the applicant wrote after rating; null when they wrote nothing, or once erased.</summary>
    public string? Comment { get; init; }

    /// <summary>Place on the waiting list (1 = next), while waiting.</summary>
    public int? Position { get; init; }

    public bool IsOpen => Status != Cancelled;

    /// <summary>As the API names it: <c>attended</c> for a confirmed application marked at the door.</summary>
    public string ApiStatus => Status == Confirmed && AttendedAt is not null ? "attended" : Status;
}

/// <summary>An application as it is asked for.</summary>
/// <param name="RequestKey">What makes asking again the same request (the LINE webhook event id); null for none.</param>
/// <param name="ByStaff">Staff may add one outside the application window (a walk-in at the door).</param>
public sealed record ApplicationRequest(
    long EventId,
    string? UserId,
    string Channel,
    int PartySize,
    IReadOnlyList<string> Answers,
    string? RequestKey,
    string? Name = null,
    string? Phone = null,
    bool ByStaff = false);

public enum ApplyResult
{
    Confirmed,
    Waiting,

    /// <summary>The citizen already has an open application to this event (a double tap): <see cref="ApplyOutcome.Application"/>.</summary>
    AlreadyApplied,

    /// <summary>No such event, it takes no applications, is cancelled, or is outside its application window.</summary>
    Closed,

    /// <summary>The party is larger than the event allows.</summary>
    PartyTooLarge,
}

/// <param name="Replayed">The same request was handled before (the same webhook event again): the answer repeats.</param>
public sealed record ApplyOutcome(ApplyResult Result, EventApplication? Application, bool Replayed = false);

public enum CancelResult
{
    Cancelled,

    /// <summary>No such application of this citizen (someone else's number, a forged postback).</summary>
    NotFound,
    AlreadyCancelled,

    /// <summary>The event has started: cancelling is allowed only before.</summary>
    TooLate,
}

/// <param name="MovedUp">Waiting applications that got the freed seats, in order.</param>
public sealed record CancelOutcome(CancelResult Result, EventApplication? Application, IReadOnlyList<EventApplication> MovedUp);
