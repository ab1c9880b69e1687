using System.Globalization;
using OutreachBot.Staff;

namespace OutreachBot.CivicEvents.Applications;

/// <summary>
/// What staff do with an event's applications, for the console and the API alike; each writes its own audit entry
/// (reading the roster too: it holds names and phone numbers).
/// </summary>
public sealed class RosterService(ApplicationStore store, CivicEventStore events, AuditLog audit, TimeProvider time)
{
    public const int MaxNameLength = 100;
    public const int MaxPhoneLength = 30;

    /// <summary>The roster and its counts; null when there is no such event.</summary>
    public async Task<Roster?> ReadAsync(long eventId, StaffActor actor, CancellationToken cancellationToken)
    {
        if (await events.FindAsync(eventId, cancellationToken) is not { } found)
        {
            return null;
        }

        var applications = await store.ListAsync(eventId, cancellationToken);
        await audit.WriteAsync(actor, AuditActions.EventRosterViewed, Target(eventId), null, cancellationToken);
        return new Roster(found, applications);
    }

    /// <summary>The event's figures and its applicants' ratings and comments, without names: not audited. Null when there is no such event.</summary>
    public async Task<Roster?> FiguresAsync(long eventId, CancellationToken cancellationToken) =>
        await events.FindAsync(eventId, cancellationToken) is { } found ? new Roster(found, await store.ListAsync(eventId, cancellationToken)) : null;

    /// <summary>A phone or walk-in application: a name and phone number, no LINE account.</summary>
    public async Task<(ApplyOutcome? Outcome, Dictionary<string, Bilingual[]> Errors)> AddAsync(
        long eventId, StaffApplicationInput input, StaffActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = input.Check();
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var request = new ApplicationRequest(
            eventId, null, "staff", input.PartySize ?? 1, input.Answers ?? [], null, input.Name!.Trim(), input.Phone?.Trim(), ByStaff: true);
        var outcome = await store.ApplyAsync(request, time.GetUtcNow(), cancellationToken);
        if (outcome.Application is { } application && outcome.Result is ApplyResult.Confirmed or ApplyResult.Waiting)
        {
            await audit.WriteAsync(actor, AuditActions.EventApplicationAdded, Target(eventId), Number(application), cancellationToken);
        }

        return (outcome, errors);
    }

    /// <summary>The application marked as attended; null when no confirmed application has that number.</summary>
    public async Task<EventApplication?> MarkAttendedAsync(long eventId, long number, StaffActor actor, CancellationToken cancellationToken)
    {
        var marked = await store.MarkAttendedAsync(eventId, number, time.GetUtcNow(), cancellationToken);
        if (marked is not null)
        {
            await audit.WriteAsync(actor, AuditActions.EventAttended, Target(eventId), Number(marked), cancellationToken);
        }

        return marked;
    }

    public async Task<CancelOutcome> CancelAsync(long eventId, long number, StaffActor actor, CancellationToken cancellationToken)
    {
        var outcome = await store.CancelAsync(eventId, number, null, time.GetUtcNow(), cancellationToken);
        if (outcome.Result == CancelResult.Cancelled)
        {
            await audit.WriteAsync(actor, AuditActions.EventApplicationCancelled, Target(eventId), Number(outcome.Application!), cancellationToken);
        }

        return outcome;
    }

    private static string Target(long eventId) => "event:" + eventId.ToString(CultureInfo.InvariantCulture);

    private static string Number(EventApplication application) => "#" + application.Number.ToString(CultureInfo.InvariantCulture);
}

/// <summary>An event's applications with the counts staff look at.</summary>
public sealed record Roster(CivicEvent Event, IReadOnlyList<EventApplication> Applications)
{
    public IEnumerable<EventApplication> Confirmed => Applications.Where(a => a.Status == EventApplication.Confirmed);

    public IEnumerable<EventApplication> Waiting => Applications.Where(a => a.Status == EventApplication.Waiting);

    public IEnumerable<EventApplication> Cancelled => Applications.Where(a => a.Status == EventApplication.Cancelled);

    public RosterCounts CountsAt(DateTimeOffset now) => new(
        Confirmed.Sum(a => a.PartySize),
        Waiting.Sum(a => a.PartySize),
        Confirmed.Where(a => a.AttendedAt is not null).Sum(a => a.PartySize),
        Event.StartsAt <= now ? Confirmed.Where(a => a.AttendedAt is null).Sum(a => a.PartySize) : null);

    /// <summary>The ratings given to the thanks (one per application, whatever its party size) and the comments, newest first.</summary>
    public EventFeedback Feedback
    {
        get
        {
            var rated = Applications.Where(a => a.Rating is not null).ToList();
            return new EventFeedback(
                rated.Count,
                rated.Count == 0 ? null : Math.Round(rated.Average(a => a.Rating!.Value), 2),
                [.. rated.Where(a => a.Comment is not null).OrderByDescending(a => a.RatedAt).Select(a => new RatingComment(a.Rating!.Value, a.Comment!, a.RatedAt!.Value))]);
        }
    }
}

/// <param name="Ratings">How many applicants rated the event.</param>
/// <param name="AverageRating">Their average, 1 to 5, to two decimals; null before any rating.</param>
public sealed record EventFeedback(int Ratings, double? AverageRating, IReadOnlyList<RatingComment> Comments);

/// <summary>A comment with the rating it came with; no name, number or LINE id.</summary>
public sealed record RatingComment(int Rating, string Comment, DateTimeOffset RatedAt);

/// <summary>People (party sizes added up): confirmed, waiting, attended, and no-shows once the event has started.</summary>
public sealed record RosterCounts(int Applied, int Waiting, int Attended, int? NoShows);

/// <summary>A phone or walk-in application as staff type it.</summary>
public sealed record StaffApplicationInput(string? Name, string? Phone, int? PartySize, List<string>? Answers)
{
    public Dictionary<string, Bilingual[]> Check()
    {
        var errors = new Dictionary<string, Bilingual[]>();
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > RosterService.MaxNameLength)
        {
            errors["name"] = [new($"お名前は1〜{RosterService.MaxNameLength}文字で入力してください。", $"name takes 1 to {RosterService.MaxNameLength} characters.")];
        }

        if (Phone is not null && (Phone.Trim().Length > RosterService.MaxPhoneLength || !Phone.Trim().All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' ' or '(' or ')')))
        {
            errors["phone"] = [new("電話番号は数字とハイフンで入力してください。", "phone takes digits and hyphens.")];
        }

        if (PartySize is < 1 or > EventValidation.MaxPartySize)
        {
            errors["partySize"] = [new($"人数は1〜{EventValidation.MaxPartySize}人です。", $"partySize takes 1 to {EventValidation.MaxPartySize}.")];
        }

        if (Answers is { Count: > EventDetailsValidation.MaxQuestions } || Answers?.Any(a => a is null || a.Length > EventDetailsValidation.MaxShortTextLength) == true)
        {
            errors["answers"] = [new("回答は3つまで、各200文字以内です。", "At most 3 answers of up to 200 characters.")];
        }

        return errors;
    }
}
