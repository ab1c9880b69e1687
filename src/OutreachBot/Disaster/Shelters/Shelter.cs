namespace OutreachBot.Disaster.Shelters;

/// <summary>An evacuation shelter staff keep: its name in each language (Japanese always), where it is, and whether it is open now.</summary>
public sealed record Shelter
{
    public long Id { get; init; }

    public IReadOnlyDictionary<string, string> Names { get; init; } = new Dictionary<string, string>();

    public required string Address { get; init; }

    public double Latitude { get; init; }

    public double Longitude { get; init; }

    /// <summary>One of <see cref="ShelterKinds.All"/>.</summary>
    public required string Kind { get; init; }

    public int? Capacity { get; init; }

    public bool Open { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The name in <paramref name="language"/>, else along its fallbacks to the Japanese one.</summary>
    public string NameIn(string language) =>
        TextCatalog.FallbackChain(language).Select(l => Names.GetValueOrDefault(l)).FirstOrDefault(n => n is not null) ?? Names[Languages.Japanese];

    /// <summary>Google Maps at the shelter's coordinates: opens the map app on a phone, the map in a browser elsewhere.</summary>
    public string MapUrl => string.Create(
        System.Globalization.CultureInfo.InvariantCulture, $"https://www.google.com/maps/search/?api=1&query={Latitude:0.######},{Longitude:0.######}");
}

/// <summary>A shelter as staff write it.</summary>
public sealed record ShelterDraft(
    IReadOnlyDictionary<string, string> Names, string Address, double Latitude, double Longitude, string Kind, int? Capacity, bool Open);

/// <summary>The kinds of the Disaster Countermeasures Basic Act, as the API and the storage name them.</summary>
public static class ShelterKinds
{
    /// <summary>指定避難所: where people stay while they cannot go home.</summary>
    public const string Designated = "designated-shelter";

    /// <summary>指定緊急避難場所: where people flee to at once from a given danger.</summary>
    public const string Emergency = "emergency-site";

    /// <summary>福祉避難所: for those who need care (older people, disabilities, pregnancy).</summary>
    public const string Welfare = "welfare-shelter";

    public static IReadOnlyList<string> All { get; } = [Designated, Emergency, Welfare];

    public static Bilingual Label(string kind) => kind switch
    {
        Designated => new("指定避難所", "Designated shelter"),
        Emergency => new("指定緊急避難場所", "Designated emergency evacuation site"),
        _ => new("福祉避難所", "Welfare shelter"),
    };

    /// <summary>The key of the kind's name in the citizen's language.</summary>
    public static string TextKey(string kind) => kind switch
    {
        Designated => DisasterTextKeys.KindDesignated,
        Emergency => DisasterTextKeys.KindEmergency,
        _ => DisasterTextKeys.KindWelfare,
    };
}
