namespace OutreachBot.PublicSite;

/// <summary>The public pages' addresses, relative to the site's base, with the reader's language when it is not Japanese.</summary>
public static class PublicLinks
{
    public static string News(long id, string language) => WithLanguage($"news/{id}", language);

    public static string Event(long id, string language) => WithLanguage($"events/{id}", language);

    public static string WithLanguage(string path, string language)
    {
        ArgumentNullException.ThrowIfNull(path);
        return language == Languages.Japanese
            ? path
            : $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{PublicPage.LanguageParameter}={Uri.EscapeDataString(language)}";
    }
}
