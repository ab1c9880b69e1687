using System.Text.Json;

namespace OutreachBot.Profiles.CityLists;

public enum CityList
{
    Areas,
    Districts,
    Skills,
}

/// <summary>
/// One entry of a list the city keeps: an area (地区), a district (小学校区, in <see cref="AreaId"/>) or a skill or
/// interest (with its <see cref="Slug"/>). <see cref="Name"/> is Japanese; <see cref="Names"/> the other languages'.
/// </summary>
public sealed record CityEntry
{
    public long Id { get; init; }

    public required string Name { get; init; }

    public string? Slug { get; init; }

    public long? AreaId { get; init; }

    public IReadOnlyDictionary<string, string> Names { get; init; } = new Dictionary<string, string>();

    public DateTimeOffset? RetiredAt { get; init; }

    /// <summary>Offered to citizens and in the composer; a retired entry only stays where it was chosen.</summary>
    public bool Offered => RetiredAt is null;

    /// <summary>The name in <paramref name="language"/>, else Japanese (やさしい日本語 reads the Japanese).</summary>
    public string NameIn(string language) => Names.TryGetValue(language, out var name) ? name : Name;

    public static IReadOnlyDictionary<string, string> ReadNames(string? json) =>
        json is null ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(json)!;
}

/// <summary>The city's lists as they are now, retired entries included.</summary>
public sealed record CityLists(IReadOnlyList<CityEntry> Areas, IReadOnlyList<CityEntry> Districts, IReadOnlyList<CityEntry> Skills)
{
    public IEnumerable<CityEntry> DistrictsOf(long areaId) => Districts.Where(d => d.AreaId == areaId);

    /// <summary>Areas that offer at least one district: what a citizen chooses from first.</summary>
    public IReadOnlyList<CityEntry> OfferedAreas() =>
        [.. Areas.Where(a => a.Offered && DistrictsOf(a.Id).Any(d => d.Offered))];

    public CityEntry? District(string name) => Districts.FirstOrDefault(d => d.Name == name);

    public CityEntry? Skill(string slug) => Skills.FirstOrDefault(s => s.Slug == slug);
}
