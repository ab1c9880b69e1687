using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OutreachBot.Api;
using OutreachBot.CivicEvents.Applications;
using OutreachBot.Staff;
using OutreachBot.Surveys;

namespace OutreachBot.CivicEvents;

/// <summary>Staff API for the events calendar: <c>/api/v1/events</c>.</summary>
public static partial class EventsApi
{
    public static RouteGroupBuilder MapEventsApi(this RouteGroupBuilder api)
    {
        var events = api.MapGroup("/events").WithTags("Events");
        events.MapGet("/", ListAsync)
            .WithSummary("Events starting between from and to (ISO dates in Bot:TimeZone); without them, the upcoming ones.");
        events.MapGet("/{id:long}", GetAsync).ProducesProblem(StatusCodes.Status404NotFound);
        events.MapPost("/", CreateAsync).ForEditors()
            .WithSummary("Creates an event. startsAt/endsAt are ISO 8601; without an offset they are read in Bot:TimeZone. A Japanese title is required.");
        events.MapPut("/{id:long}", UpdateAsync).ForEditors()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Replaces an event; cancelled: true withdraws it from citizens' lists.");
        events.MapApplicationsApi();
        return api.MapEventStatsApi();
    }

    private static async Task<Ok<IEnumerable<EventView>>> ListAsync(
        DateOnly? from, DateOnly? to, CivicEventStore store, IOptions<BotOptions> bot, TimeProvider time, CancellationToken cancellationToken)
    {
        var zone = bot.Value.Zone;
        if (from is null && to is null)
        {
            var (upcoming, _) = await store.UpcomingAsync(time.GetUtcNow(), 0, 500, cancellationToken);
            return TypedResults.Ok(upcoming.Select(e => EventView.From(e, zone)));
        }

        var first = from ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        var last = to ?? first.AddYears(1);
        var events = await store.StartingBetweenAsync(StartOfDay(first, zone), StartOfDay(last.AddDays(1), zone), cancellationToken);
        return TypedResults.Ok(events.Select(e => EventView.From(e, zone)));
    }

    private static async Task<Results<Ok<EventView>, ProblemHttpResult>> GetAsync(
        long id, CivicEventStore store, IOptions<BotOptions> bot, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } found ? TypedResults.Ok(EventView.From(found, bot.Value.Zone)) : NotFound(id);

    private static async Task<Results<Created<EventView>, ValidationProblem>> CreateAsync(
        EventInput input, CivicEventEditor editor, CivicEventStore store, SurveyStore surveys, IOptions<BotOptions> bot, HttpContext http,
        CancellationToken cancellationToken)
    {
        var (draft, errors) = input.ToDraft(bot.Value.Zone);
        await CheckSurveyAsync(input.SurveyId, surveys, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return StaffProblems.Invalid(errors);
        }

        if (await editor.CreateAsync(draft!, StaffActor.Of(http), cancellationToken) is not { } id)
        {
            return UnknownTopic(draft!.TopicSlug);
        }

        await AttachSurveyAsync(id, input.SurveyId, surveys, cancellationToken);

        return TypedResults.Created($"/api/v1/events/{id}", EventView.From((await store.FindAsync(id, cancellationToken))!, bot.Value.Zone));
    }

    private static async Task<Results<Ok<EventView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        long id, EventInput input, CivicEventEditor editor, CivicEventStore store, SurveyStore surveys, IOptions<BotOptions> bot, HttpContext http,
        CancellationToken cancellationToken)
    {
        var (draft, errors) = input.ToDraft(bot.Value.Zone);
        await CheckSurveyAsync(input.SurveyId, surveys, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return StaffProblems.Invalid(errors);
        }

        if (await store.FindAsync(id, cancellationToken) is null)
        {
            return NotFound(id);
        }

        if (!await editor.UpdateAsync(id, draft!, StaffActor.Of(http), cancellationToken))
        {
            return UnknownTopic(draft!.TopicSlug);
        }

        await AttachSurveyAsync(id, input.SurveyId, surveys, cancellationToken);
        return TypedResults.Ok(EventView.From((await store.FindAsync(id, cancellationToken))!, bot.Value.Zone));
    }

    private static ProblemHttpResult NotFound(long id) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No event {id}.");

    private static async Task CheckSurveyAsync(long? surveyId, SurveyStore surveys, Dictionary<string, Bilingual[]> errors, CancellationToken cancellationToken)
    {
        if (surveyId is > 0 and var id && await surveys.FindAsync(id, cancellationToken) is null)
        {
            errors["surveyId"] = [new($"アンケート {id} はありません。", $"No survey {id}.")];
        }
    }

    /// <summary>surveyId given: attached (0 detaches); absent: the event keeps the one it had.</summary>
    private static async Task AttachSurveyAsync(long eventId, long? surveyId, SurveyStore surveys, CancellationToken cancellationToken)
    {
        if (surveyId is { } id)
        {
            await surveys.AttachToEventAsync(eventId, id == 0 ? null : id, cancellationToken);
        }
    }

    private static ValidationProblem UnknownTopic(string? slug) => StaffProblems.Invalid(new Dictionary<string, Bilingual[]>
    {
        ["topic"] = [new($"トピック「{slug}」はありません。", $"No topic '{slug}'.")],
    });

    private static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }

    /// <summary>ISO 8601 date and time; with Z or an offset as written, without one in <paramref name="zone"/>.</summary>
    internal static DateTimeOffset? ParseInstant(string? text, TimeZoneInfo zone)
    {
        if (text is null || !IsoDateTime().IsMatch(text)
            || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            return null;
        }

        return parsed.Kind == DateTimeKind.Unspecified
            ? new DateTimeOffset(parsed, zone.GetUtcOffset(parsed)).ToUniversalTime()
            : new DateTimeOffset(parsed.ToUniversalTime(), TimeSpan.Zero);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?$")]
    private static partial Regex IsoDateTime();
}

/// <param name="Titles">Language → title; <c>ja</c> is required.</param>
/// <param name="StartsAt">ISO 8601, e.g. <c>2026-12-05T10:00:00+09:00</c>; without an offset, in Bot:TimeZone.</param>
/// <param name="Topic">A topic's slug.</param>
public sealed record EventInput(
    Dictionary<string, string>? Titles,
    string? StartsAt,
    string? EndsAt,
    string? Venue,
    string? Url,
    string? ImageUrl,
    string? Topic,
    bool? Cancelled)
{
    /// <summary>Language → description.</summary>
    public Dictionary<string, string>? Descriptions { get; init; }

    /// <summary>Language → venue; <c>ja</c> is <see cref="Venue"/> (give either, or both the same).</summary>
    public Dictionary<string, string>? Venues { get; init; }

    public string? Address { get; init; }

    public LocationInput? Location { get; init; }

    public string? Organizer { get; init; }

    public string? Fee { get; init; }

    public string? Bring { get; init; }

    public string? Accessibility { get; init; }

    /// <summary>Seats; null = the event takes no applications.</summary>
    public int? Capacity { get; init; }

    /// <summary>People per application, the applicant included; default 1.</summary>
    public int? MaxPartySize { get; init; }

    /// <summary>ISO 8601; null = open now.</summary>
    public string? ApplicationsOpen { get; init; }

    /// <summary>ISO 8601; null = until the event starts.</summary>
    public string? ApplicationsClose { get; init; }

    /// <summary>Up to three: <c>{"kind": "choice"|"number"|"text", "texts": {lang: text}, "choices": [{lang: label}]}</c>.</summary>
    public List<EventQuestion>? Questions { get; init; }

    /// <summary>The survey applicants are invited to after the event (instead of the rating); 0 detaches it, absent keeps it.</summary>
    public long? SurveyId { get; init; }

    public (CivicEventDraft? Draft, Dictionary<string, Bilingual[]> Errors) ToDraft(TimeZoneInfo zone)
    {
        var starts = EventsApi.ParseInstant(StartsAt, zone);
        var ends = EventsApi.ParseInstant(EndsAt, zone);
        var errors = new Dictionary<string, Bilingual[]>();
        var detailErrors = new Dictionary<string, Bilingual[]>();
        var details = DetailsInput.ToDetails(this, zone, detailErrors);
        if (starts is null)
        {
            errors["startsAt"] = [new("ISO 8601形式の日時で入力してください（例 2026-12-05T10:00:00+09:00）。", "An ISO 8601 date and time is required.")];
        }

        if (EndsAt is not null && ends is null)
        {
            errors["endsAt"] = [new("ISO 8601形式の日時で入力してください。", "endsAt must be an ISO 8601 date and time.")];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var venue = Blank(Venue) ?? Blank(Venues?.GetValueOrDefault(Languages.Japanese)) ?? "";
        var draft = new CivicEventDraft(
            Titles ?? [], starts!.Value, ends, venue, Blank(Url), Blank(ImageUrl), Blank(Topic), Cancelled ?? false, details);
        var checks = EventValidation.Check(draft);
        foreach (var (key, messages) in detailErrors)
        {
            checks.TryAdd(key, messages);
        }

        return (checks.Count == 0 ? draft : null, checks);
    }

    internal static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>A map point: both are required.</summary>
public sealed record LocationInput(double? Latitude, double? Longitude);

/// <summary>An event as the API shows it; times in Bot:TimeZone with their offset.</summary>
public sealed record EventView(
    long Id,
    IReadOnlyDictionary<string, string> Titles,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    string Venue,
    string? Url,
    string? ImageUrl,
    string? Topic,
    bool Cancelled,
    long Reminders)
{
    public IReadOnlyDictionary<string, string> Descriptions { get; init; } = new Dictionary<string, string>();

    /// <summary>Per language, <c>ja</c> included (the same as <see cref="Venue"/>).</summary>
    public IReadOnlyDictionary<string, string> Venues { get; init; } = new Dictionary<string, string>();

    public string? Address { get; init; }

    public GeoLocation? Location { get; init; }

    public string? Organizer { get; init; }

    public string? Fee { get; init; }

    public string? Bring { get; init; }

    public string? Accessibility { get; init; }

    public int? Capacity { get; init; }

    public int MaxPartySize { get; init; }

    public DateTimeOffset? ApplicationsOpen { get; init; }

    public DateTimeOffset? ApplicationsClose { get; init; }

    public IReadOnlyList<EventQuestion> Questions { get; init; } = [];

    /// <summary>Seats free now; null when the event takes no applications.</summary>
    public int? SeatsLeft { get; init; }

    /// <summary>The survey applicants are invited to after the event, if any.</summary>
    public long? SurveyId { get; init; }

    public static EventView From(CivicEvent e, TimeZoneInfo zone) => new(
        e.Id,
        e.Titles,
        TimeZoneInfo.ConvertTime(e.StartsAt, zone),
        e.EndsAt is { } ends ? TimeZoneInfo.ConvertTime(ends, zone) : null,
        e.Venue,
        e.Url,
        e.ImageUrl,
        e.TopicSlug,
        e.Cancelled,
        e.ReminderCount)
    {
        Descriptions = e.Details.Descriptions,
        Venues = new Dictionary<string, string>(e.Details.Venues) { [Languages.Japanese] = e.Venue },
        Address = e.Details.Address,
        Location = e.Details.Location,
        Organizer = e.Details.Organizer,
        Fee = e.Details.Fee,
        Bring = e.Details.Bring,
        Accessibility = e.Details.Accessibility,
        Capacity = e.Details.Capacity,
        MaxPartySize = e.Details.MaxPartySize,
        ApplicationsOpen = e.Details.ApplicationsOpen is { } open ? TimeZoneInfo.ConvertTime(open, zone) : null,
        ApplicationsClose = e.Details.ApplicationsClose is { } close ? TimeZoneInfo.ConvertTime(close, zone) : null,
        Questions = e.Details.Questions,
        SeatsLeft = e.SeatsLeft,
        SurveyId = e.SurveyId,
    };
}
