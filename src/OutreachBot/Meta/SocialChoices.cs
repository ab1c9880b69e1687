using System.Text.Json;

namespace OutreachBot.Meta;

/// <summary>
/// What staff chose for a broadcast's Page and Instagram posts (<c>social</c> in the API): their own post text in place
/// of the one built from the Japanese messages, the other languages whose texts are added below it, and whether quiet
/// hours hold the posts (they do not unless ticked: a post reaches nobody's phone at night).
/// </summary>
public sealed record SocialChoices(string? Text = null, IReadOnlyList<string>? Languages = null, bool HoldInQuietHours = false)
{
    public static readonly SocialChoices Default = new();

    public IReadOnlyList<string> AddedLanguages => Languages ?? [];

    public bool IsDefault => Text is null && AddedLanguages.Count == 0 && !HoldInQuietHours;

    /// <summary>The stored form (<c>broadcasts.social</c>): null for the default.</summary>
    public string? ToJson() => IsDefault ? null : JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public static SocialChoices FromJson(string? json) =>
        json is null ? Default : JsonSerializer.Deserialize<SocialChoices>(json, JsonSerializerOptions.Web) ?? Default;
}
