namespace OutreachBot.CivicEvents;

/// <summary>
/// What an event holds beyond its title, time and Japanese venue: texts per language, the practical details, and
/// whether and how citizens apply. Staff write it with the event; <see cref="None"/> is an event without any of it.
/// </summary>
public sealed record EventDetails
{
    public static readonly EventDetails None = new();

    public IReadOnlyDictionary<string, string> Descriptions { get; init; } = new Dictionary<string, string>();

    /// <summary>The venue in languages other than Japanese (the Japanese one is <see cref="CivicEvent.Venue"/>).</summary>
    public IReadOnlyDictionary<string, string> Venues { get; init; } = new Dictionary<string, string>();

    public string? Address { get; init; }

    public GeoLocation? Location { get; init; }

    /// <summary>The office or a named group.</summary>
    public string? Organizer { get; init; }

    public string? Fee { get; init; }

    public string? Bring { get; init; }

    public string? Accessibility { get; init; }

    /// <summary>Seats; null when the event takes no applications.</summary>
    public int? Capacity { get; init; }

    /// <summary>How many people one application may bring, the applicant included (1 to <see cref="EventValidation.MaxPartySize"/>).</summary>
    public int MaxPartySize { get; init; } = 1;

    /// <summary>From when citizens may apply; null = from now.</summary>
    public DateTimeOffset? ApplicationsOpen { get; init; }

    /// <summary>Until when citizens may apply; null = until the event starts.</summary>
    public DateTimeOffset? ApplicationsClose { get; init; }

    /// <summary>Up to three questions asked when a citizen applies.</summary>
    public IReadOnlyList<EventQuestion> Questions { get; init; } = [];

    public bool TakesApplications => Capacity is not null;
}

public sealed record GeoLocation(double Latitude, double Longitude);

/// <summary>A question an application asks: <c>choice</c> (one of <see cref="Choices"/>), <c>number</c> or <c>text</c> (short).</summary>
/// <param name="Texts">Language → the question; <c>ja</c> is required.</param>
/// <param name="Choices">For <c>choice</c>: each choice as language → label.</param>
public sealed record EventQuestion(string Kind, IReadOnlyDictionary<string, string> Texts, IReadOnlyList<IReadOnlyDictionary<string, string>>? Choices = null)
{
    public const string Choice = "choice";
    public const string Number = "number";
    public const string Text = "text";

    public string TextIn(string language) => InLanguage(Texts, language);

    public string ChoiceIn(int index, string language) => InLanguage(Choices![index], language);

    /// <summary>The text in <paramref name="language"/>, else the Japanese one.</summary>
    public static string InLanguage(IReadOnlyDictionary<string, string> texts, string language) =>
        texts.GetValueOrDefault(language) ?? texts.GetValueOrDefault(Languages.Japanese) ?? texts.Values.FirstOrDefault() ?? "";
}
