using System.Text.Json;
using System.Text.Json.Nodes;
using OutreachBot.Broadcasts.Fanout;

namespace OutreachBot.Broadcasts.Authoring;

/// <summary>
/// A broadcast as the staff API shows it. <c>status</c> is one of draft, awaiting_approval, scheduled, sending, held,
/// sent, failed, cancelled, missed; the counts are those of its latest run (a cron broadcast lists its runs).
/// </summary>
public sealed record BroadcastView
{
    public long Id { get; init; }

    public required string Title { get; init; }

    public required string Status { get; init; }

    public required JsonNode Messages { get; init; }

    public required object Target { get; init; }

    public required object Schedule { get; init; }

    public bool Urgent { get; init; }

    public required string Author { get; init; }

    /// <summary>Everyone who wrote it (the author and each later editor): none of them may approve it.</summary>
    public IReadOnlyList<string> Editors { get; init; } = [];

    public string? ApprovedBy { get; init; }

    /// <summary>Goes up with every change; <c>POST …/approve</c> names the version its approver read (also the <c>ETag</c> of <c>GET</c>).</summary>
    public int Version { get; init; }

    /// <summary>The latest send-back: <c>comment</c>, <c>by</c>, <c>at</c>.</summary>
    public object? Review { get; init; }

    /// <summary>Its latest run, whose counts the view shows; none before it first fires.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public RunSummary? Latest { get; init; }

    public long Targeted => Latest?.Targeted ?? 0;

    public long Accepted => Latest?.Accepted ?? 0;

    public long Failed => Latest?.Failed ?? 0;

    public long Pending => Latest?.Pending ?? 0;

    public long Cancelled => Latest?.Cancelled ?? 0;

    public long Dropped => Latest?.Dropped ?? 0;

    /// <summary>The latest run's recipients are still being snapshotted: <c>targeted</c> grows while the first batches go out.</summary>
    public bool Snapshotting => Latest?.Snapshotting ?? false;

    /// <summary>Why it is held, missed, failed or cancelled by the bot, when it is.</summary>
    public string? Reason { get; init; }

    public IReadOnlyList<object> Errors { get; init; } = [];

    public IReadOnlyList<object> Runs { get; init; } = [];

    /// <summary>The latest run's results per channel (the top-level counts are LINE's); <c>status</c> is sent once every channel is done.</summary>
    public ChannelsView Channels { get; init; } = new();

    /// <summary>The mail's subject per language; a language without one uses the title.</summary>
    public IReadOnlyDictionary<string, string> MailSubjects { get; init; } = new Dictionary<string, string>();

    /// <summary>The Facebook and Instagram posts' own text, added languages and quiet hours, as staff chose them.</summary>
    public Meta.SocialChoices Social { get; init; } = Meta.SocialChoices.Default;

    /// <summary>LINE's figures per day (read daily); only on one broadcast's view.</summary>
    public IReadOnlyList<Analytics.Insight.InsightDay>? Insight { get; init; }

    /// <summary>The clicks on its links per channel and link (<c>/r/{code}</c>); only on one broadcast's view.</summary>
    public IReadOnlyList<Analytics.Clicks.LinkClicks>? Clicks { get; init; }

    /// <summary>Follows and unfollows in the 48 hours after it first went out, per topic; only on its console page.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Analytics.Follows.BlockRate? BlockRate { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The stored broadcast, for the console's pages.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Broadcast Source { get; init; } = null!;

    public static BroadcastView From(
        Broadcast b, IReadOnlyList<RunSummary> runs, IReadOnlyList<BatchError> errors, DateTimeOffset? nextFire, TimeZoneInfo zone, MailDelivery.MailRunSummary? mail, string webUrl)
    {
        var latest = runs.Count > 0 ? runs[0] : null;
        var status = b.State switch
        {
            BroadcastState.Fired => latest?.Status ?? "sending",
            BroadcastState.Scheduled when latest?.Status is "sending" or "held" => latest.Status,
            _ => BroadcastNames.Of(b.State),
        };
        return new BroadcastView
        {
            Id = b.Id,
            Title = b.Title,
            Status = status,
            Messages = JsonNode.Parse(b.MessagesJson)!,
            Target = new
            {
                topics = b.Target.Topics,
                match = b.Target.MatchAll ? "all" : "any",
                languages = b.Target.Languages,
                districts = b.Target.Districts,
                ageBands = b.Target.Profile?.AgeBands,
                skills = b.Target.Profile?.Skills,
                freeDays = b.Target.Profile?.FreeDays,
                reminderOf = b.Target.ReminderEventId,
                all = b.Target.All,
            },
            Schedule = new
            {
                kind = BroadcastNames.Of(b.Schedule.Kind),
                at = b.Schedule.SendAt is { } at ? Local(at, zone) : (DateTimeOffset?)null,
                cron = b.Schedule.Cron,
                timeZone = zone.Id,
                beforeEvent = b.Schedule.EventId is null ? null : new { eventId = b.Schedule.EventId, offset = System.Xml.XmlConvert.ToString(b.Schedule.EventOffset ?? TimeSpan.Zero) },
                nextFireAt = nextFire is { } next ? TimeZoneInfo.ConvertTime(next, zone) : (DateTimeOffset?)null,
            },
            Urgent = b.Urgent,
            Author = b.Author,
            Editors = b.Editors,
            ApprovedBy = b.ApprovedBy,
            Version = b.Version,
            Review = b.Review is { } review ? new { comment = review.Comment, by = review.By, at = Local(review.At, zone) } : null,
            Latest = latest,
            Reason = b.Reason ?? latest?.Reason,
            Errors = [.. errors.Select(e => (object)new
            {
                batch = e.Seq,
                language = e.Language,
                recipients = e.Recipients,
                state = e.State,
                attempts = e.Attempts,
                statusCode = e.StatusCode,
                message = e.Error,
                requestIds = e.RequestIds?.Split(' ') ?? [],
            })],
            Runs = [.. runs.Select(r => (object)new
            {
                id = r.Id,
                occurrence = Local(r.Occurrence, zone),
                status = r.Status,
                targeted = r.Targeted,
                accepted = r.Accepted,
                failed = r.Failed,
                pending = r.Pending,
                cancelled = r.Cancelled,
                dropped = r.Dropped,
                batches = r.Batches,
                snapshotting = r.Snapshotting,
                reason = r.Reason,
                forcedBy = r.ForcedBy,
                firedAt = Local(r.FiredAt, zone),
                finishedAt = r.FinishedAt is { } f ? Local(f, zone) : (DateTimeOffset?)null,
            })],
            Channels = ChannelsView.From(b, latest, mail, webUrl),
            MailSubjects = b.MailSubjects,
            Social = b.Social,
            CreatedAt = Local(b.CreatedAt, zone),
            UpdatedAt = Local(b.UpdatedAt, zone),
            Source = b,
        };
    }

    private static DateTimeOffset Local(DateTimeOffset at, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(at, zone);
}

public sealed record SendBackInput(string? Comment);

/// <param name="Version">The version the approver read, as <c>GET /api/v1/broadcasts/{id}</c> returned it.</param>
public sealed record ApproveInput(int? Version);

public sealed record TestSendInput(List<string>? UserIds, string? Language);

public sealed record PreviewInput(TargetInput? Target, Dictionary<string, JsonElement>? Messages);
