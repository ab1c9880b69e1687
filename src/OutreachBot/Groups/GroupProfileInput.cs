using System.Text.Json.Serialization;

namespace OutreachBot.Groups;

/// <summary>A group profile as the console's form and the API's <c>PUT</c> send it; <see cref="Validate"/> says what is wrong per field.</summary>
public sealed class GroupProfileInput
{
    public const int MaxName = 100;
    public const int MaxFields = 5;
    public const int MaxAreas = 10;
    public const int MaxAreaLength = 20;
    public const int MaxDescription = 1000;
    public const int MaxContact = 200;
    public const int MaxWebsite = 300;

    public string? Name { get; set; }

    public List<long>? Fields { get; set; }

    public List<string>? Areas { get; set; }

    public Dictionary<string, string?>? Descriptions { get; set; }

    public string? PublicContact { get; set; }

    public string? Website { get; set; }

    public bool Recruiting { get; set; }

    [JsonIgnore]
    public Dictionary<string, Bilingual[]> Errors { get; } = [];

    public static GroupProfileInput From(GroupProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new()
        {
            Name = profile.Name,
            Fields = [.. profile.Fields],
            Areas = [.. profile.Areas],
            Descriptions = profile.Descriptions.ToDictionary(d => d.Key, d => (string?)d.Value),
            PublicContact = profile.PublicContact,
            Website = profile.Website,
            Recruiting = profile.Recruiting,
        };
    }

    /// <summary>The profile, or null with <see cref="Errors"/> filled; <paramref name="fieldIds"/> are the fields of activity in use.</summary>
    public GroupProfile? Validate(IReadOnlySet<long> fieldIds)
    {
        Errors.Clear();
        var name = Name?.Trim() ?? "";
        if (name.Length is 0 or > MaxName)
        {
            Fail("name", new($"団体名を1〜{MaxName}文字で入力してください。", $"Enter the group's name, 1 to {MaxName} characters."));
        }

        var fields = (Fields ?? []).Distinct().ToList();
        if (fields.Count is 0 or > MaxFields || fields.Any(f => !fieldIds.Contains(f)))
        {
            Fail("fields", new($"活動分野を一覧から1〜{MaxFields}個選んでください。", $"Choose 1 to {MaxFields} fields of activity from the list."));
        }

        var areas = (Areas ?? []).Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (areas.Count > MaxAreas || areas.Any(a => a.Length > MaxAreaLength || a.Any(char.IsControl)))
        {
            Fail("areas", new($"活動地域は{MaxAreas}個まで、それぞれ{MaxAreaLength}文字以内にしてください。", $"Up to {MaxAreas} areas, each of at most {MaxAreaLength} characters."));
        }

        var descriptions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (language, text) in Descriptions ?? [])
        {
            var trimmed = text?.Trim() ?? "";
            if (!Languages.IsSupported(language))
            {
                Fail($"descriptions.{language}", new("対応していない言語です。", "Not a supported language."));
            }
            else if (trimmed.Length > MaxDescription)
            {
                Fail($"descriptions.{language}", new($"{MaxDescription}文字以内にしてください。", $"Use at most {MaxDescription} characters."));
            }
            else if (trimmed.Length > 0)
            {
                descriptions[language] = trimmed;
            }
        }

        if (!descriptions.ContainsKey(Languages.Japanese) && !Errors.ContainsKey("descriptions.ja"))
        {
            Fail("descriptions.ja", new("日本語の紹介文を入力してください。", "Enter the description in Japanese."));
        }

        var contact = Optional(PublicContact);
        if (contact?.Length > MaxContact)
        {
            Fail("publicContact", new($"{MaxContact}文字以内にしてください。", $"Use at most {MaxContact} characters."));
        }

        var website = Optional(Website);
        if (website is not null && (website.Length > MaxWebsite || !Uri.TryCreate(website, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
        {
            Fail("website", new("https:// で始まるURLを入力してください。", "Enter a URL starting with https://."));
        }

        return Errors.Count > 0 ? null : new GroupProfile(name, fields, areas, descriptions, contact, website, Recruiting);
    }

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private void Fail(string field, Bilingual message) => Errors[field] = [message];
}
