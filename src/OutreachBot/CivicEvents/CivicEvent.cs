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

    /// <summary>Citizens who asked to be reminded and have not cancelled.</summary>
    public long ReminderCount { get; init; }

    /// <summary>The title in <paramref name="language"/>, else the Japanese one, which every event has.</summary>
    public string TitleIn(string language) =>
        Titles.GetValueOrDefault(language) ?? Titles.GetValueOrDefault(Languages.Japanese) ?? Titles.Values.FirstOrDefault() ?? "";

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
    bool Cancelled = false);
