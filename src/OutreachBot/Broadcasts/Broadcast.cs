namespace OutreachBot.Broadcasts;

/// <summary>A broadcast as stored: what staff wrote, who it goes to, when, and where it stands.</summary>
public sealed record Broadcast
{
    public long Id { get; init; }

    public required string Title { get; init; }

    /// <summary>The messages per language, as LINE message JSON: <c>{"ja": [...], "en": [...]}</c>. Japanese is always there.</summary>
    public required string MessagesJson { get; init; }

    public required BroadcastTarget Target { get; init; }

    public required BroadcastSchedule Schedule { get; init; }

    public bool Urgent { get; init; }

    /// <summary>Where it goes out: LINE, the mail magazine, the city's web pages. Never empty.</summary>
    public IReadOnlyList<BroadcastChannel> Channels { get; init; } = [BroadcastChannel.Line];

    /// <summary>The mail's subject per language; a language without one uses the title.</summary>
    public IReadOnlyDictionary<string, string> MailSubjects { get; init; } = new Dictionary<string, string>();

    /// <summary>Staff's choices for the Facebook and Instagram posts.</summary>
    public Meta.SocialChoices Social { get; init; } = Meta.SocialChoices.Default;

    public BroadcastState State { get; init; }

    public required string Author { get; init; }

    /// <summary>Everyone who wrote it: the author and each staff member who edited it since. None of them may approve it.</summary>
    public IReadOnlyList<string> Editors { get; init; } = [];

    public string? ApprovedBy { get; init; }

    public DateTimeOffset? ApprovedAt { get; init; }

    /// <summary>Goes up with every change of content or state: an approval names the version its approver saw.</summary>
    public int Version { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The latest send-back: what an approver asked the author to change.</summary>
    public BroadcastReview? Review { get; init; }

    /// <summary>Why the bot itself held or cancelled it (its event moved past it or was cancelled), in Japanese and English.</summary>
    public string? Reason { get; init; }

    /// <summary>Whether <paramref name="identity"/> wrote or edited it, and so may neither approve nor send it back.</summary>
    public bool WrittenBy(string identity) => Author == identity || Editors.Contains(identity);
}

public sealed record BroadcastReview(string Comment, string By, DateTimeOffset At);

/// <summary>Who gets it: subscribers of the topics (any or all of them), optionally only some languages, districts and profiles (age bands, skills, free days); or the citizens who asked to be reminded of an event.</summary>
public sealed record BroadcastTarget(
    IReadOnlyList<string> Topics,
    bool MatchAll,
    IReadOnlyList<string>? Languages,
    IReadOnlyList<string>? Districts,
    string? ReminderEventId = null,
    long? AllUnderSwitch = null,
    Profiles.ProfileFilter? Profile = null)
{
    /// <summary>Every follower, whatever their topics (a drill's audience in a drill): the disaster switch it was accepted under.</summary>
    public bool All => AllUnderSwitch is not null;
}

public enum BroadcastChannel
{
    Line,
    Mail,
    Web,
    Facebook,
    Instagram,
}

public enum ScheduleKind
{
    Now,
    At,
    Cron,
    Event,
}

/// <param name="SendAt">The instant a one-off goes out: given, or computed from the event; null for cron.</param>
/// <param name="Cron">A Quartz cron expression read in <c>Bot:TimeZone</c>.</param>
/// <param name="EventOffset">For <see cref="ScheduleKind.Event"/>: how long before the event's start.</param>
public sealed record BroadcastSchedule(ScheduleKind Kind, DateTimeOffset? SendAt = null, string? Cron = null, string? EventId = null, TimeSpan? EventOffset = null)
{
    public bool Recurring => Kind == ScheduleKind.Cron;
}

/// <summary>The broadcast's own life; the sending itself is a run's (see <see cref="RunStatus"/>).</summary>
public enum BroadcastState
{
    Draft,
    AwaitingApproval,
    Scheduled,

    /// <summary>A one-off whose trigger fired: its run says how it went.</summary>
    Fired,
    Cancelled,
}

public enum RunStatus
{
    Sending,

    /// <summary>Not sent because the month's quota would not cover it; an admin may force it.</summary>
    Held,
    Sent,
    Failed,
    Cancelled,
    Missed,
}

/// <summary>Names as the database and the API spell them.</summary>
public static class BroadcastNames
{
    public static string Of(BroadcastState state) => state switch
    {
        BroadcastState.Draft => "draft",
        BroadcastState.AwaitingApproval => "awaiting_approval",
        BroadcastState.Scheduled => "scheduled",
        BroadcastState.Fired => "fired",
        BroadcastState.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    public static BroadcastState State(string text) => text switch
    {
        "draft" => BroadcastState.Draft,
        "awaiting_approval" => BroadcastState.AwaitingApproval,
        "scheduled" => BroadcastState.Scheduled,
        "fired" => BroadcastState.Fired,
        "cancelled" => BroadcastState.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(text), text, null),
    };

    public static string Of(RunStatus status) => status.ToString().ToLowerInvariant();

    public static RunStatus Run(string text) => Enum.Parse<RunStatus>(text, ignoreCase: true);

    public static string Of(BroadcastChannel channel) => channel switch
    {
        BroadcastChannel.Line => "line",
        BroadcastChannel.Mail => "mail",
        BroadcastChannel.Web => "web",
        BroadcastChannel.Facebook => "facebook",
        BroadcastChannel.Instagram => "instagram",
        _ => throw new ArgumentOutOfRangeException(nameof(channel)),
    };

    public static bool TryChannel(string? text, out BroadcastChannel channel)
    {
        channel = text switch
        {
            "line" => BroadcastChannel.Line,
            "mail" => BroadcastChannel.Mail,
            "web" => BroadcastChannel.Web,
            "facebook" => BroadcastChannel.Facebook,
            "instagram" => BroadcastChannel.Instagram,
            _ => (BroadcastChannel)(-1),
        };
        return Enum.IsDefined(channel);
    }

    /// <summary>The stored form: names in the enum's order, comma-separated.</summary>
    public static string Of(IEnumerable<BroadcastChannel> channels) => string.Join(',', channels.Distinct().Order().Select(Of));

    public static IReadOnlyList<BroadcastChannel> Channels(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(name => TryChannel(name, out var channel) ? channel : throw new ArgumentOutOfRangeException(nameof(text), text, null))];

    public static string Of(ScheduleKind kind) => kind.ToString().ToLowerInvariant();

    public static ScheduleKind Kind(string text) => Enum.Parse<ScheduleKind>(text, ignoreCase: true);
}
