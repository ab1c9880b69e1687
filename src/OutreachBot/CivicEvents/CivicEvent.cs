namespace OutreachBot.CivicEvents;

/// <summary>An event on the calendar: a festival, seminar (講座), volunteer day... with its title in each language.</summary>
public sealed record CivicEvent
{
    public long Id { get; init; }

    public IReadOnlyDictionary<string, string> Titles { get; init; } = new Dictionary<string, string>();

    public DateTimeOffset StartsAt { get; init; }

    public DateTimeOffset? EndsAt { get; init; }

    public required string Venue { get; init; }

    public string? Url { get; init; }

    public string? ImageUrl { get; init; }

    public long? TopicId { get; init; }

    public string? TopicSlug { get; init; }

    public bool Cancelled { get; init; }

    /// <summary>The survey its applicants are invited to after it, in the thanks instead of the rating.</summary>
    public long? SurveyId { get; init; }

    /// <summary>Descriptions, venues per language, practical details and how citizens apply.</summary>
    public EventDetails Details { get; init; } = EventDetails.None;

    /// <summary>Seats taken by confirmed applications (never more than <see cref="EventDetails.Capacity"/>).</summary>
    public int SeatsTaken { get; init; }

    /// <summary>Seats still free; null when the event takes no applications.</summary>
    public int? SeatsLeft => Details.Capacity is { } capacity ? Math.Max(0, capacity - SeatsTaken) : null;

    /// <summary>Citizens who asked to be reminded and have not cancelled.</summary>
    public long ReminderCount { get; init; }

    /// <summary>The title in <paramref name="language"/>, else the Japanese one, which every event has.</summary>
    public string TitleIn(string language) =>
        Titles.GetValueOrDefault(language) ?? Titles.GetValueOrDefault(Languages.Japanese) ?? Titles.Values.FirstOrDefault() ?? "";

    /// <summary>The venue in <paramref name="language"/>, else the Japanese one.</summary>
    public string VenueIn(string language) => Details.Venues.GetValueOrDefault(language) ?? Venue;

    public string? DescriptionIn(string language) =>
        Details.Descriptions.GetValueOrDefault(language) ?? Details.Descriptions.GetValueOrDefault(Languages.Japanese);

    /// <summary>Takes applications, is not cancelled, and <paramref name="now"/> is within its application window.</summary>
    public bool AcceptsApplicationsAt(DateTimeOffset now) =>
        Details.TakesApplications && !Cancelled
        && (Details.ApplicationsOpen is null || Details.ApplicationsOpen <= now)
        && now < (Details.ApplicationsClose ?? StartsAt) && now < StartsAt;

    /// <summary>Still to come or under way at <paramref name="now"/>, and not cancelled.</summary>
    public bool IsUpcoming(DateTimeOffset now) => !Cancelled && (EndsAt ?? StartsAt) >= now;
}

/// <summary>An event as staff write it.</summary>
public sealed record CivicEventDraft(
    IReadOnlyDictionary<string, string> Titles,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    string Venue,
    string? Url,
    string? ImageUrl,
    string? TopicSlug,
    bool Cancelled = false,
    EventDetails? Details = null)
{
    public EventDetails Details { get; init; } = Details ?? EventDetails.None;

    /// <summary>The event as stored, to save again with a change (cancelling it, moving it).</summary>
    public static CivicEventDraft Of(CivicEvent e) =>
        new(e.Titles, e.StartsAt, e.EndsAt, e.Venue, e.Url, e.ImageUrl, e.TopicSlug, e.Cancelled, e.Details);
}
