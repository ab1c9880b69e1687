namespace OutreachBot;

/// <summary>
/// The languages the bot speaks. Japanese first; Easy Japanese (やさしい日本語) is its own language because many
/// foreign residents read it better than either Japanese or English. Codes follow LINE's profile <c>language</c>
/// values where LINE has one.
/// </summary>
public static class Languages
{
    public const string Japanese = "ja";
    public const string EasyJapanese = "ja-easy";
    public const string English = "en";

    /// <summary>Every language a citizen can choose, in the order the choice is offered, with its own name for itself.</summary>
    public static IReadOnlyList<(string Code, string Name)> Supported { get; } =
    [
        (Japanese, "日本語"),
        (EasyJapanese, "やさしい にほんご"),
        (English, "English"),
        ("vi", "Tiếng Việt"),
        ("pt-BR", "Português"),
        ("zh-Hans", "简体中文"),
        ("ko", "한국어"),
    ];

    public static bool IsSupported(string? code) => code is not null && Supported.Any(l => l.Code == code);

    /// <summary>Maps a LINE profile language (e.g. <c>en</c>, <c>pt-BR</c>, <c>zh-Hant</c>) to the nearest supported one, or null.</summary>
    public static string? FromLineProfile(string? lineLanguage) => lineLanguage switch
    {
        null or "" => null,
        _ when IsSupported(lineLanguage) => lineLanguage,
        _ when lineLanguage.StartsWith("pt", StringComparison.OrdinalIgnoreCase) => "pt-BR",
        _ when lineLanguage.StartsWith("zh", StringComparison.OrdinalIgnoreCase) => "zh-Hans",
        _ when lineLanguage.StartsWith("en", StringComparison.OrdinalIgnoreCase) => English,
        _ => null,
    };
}
