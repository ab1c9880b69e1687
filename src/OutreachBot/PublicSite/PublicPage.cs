using Microsoft.AspNetCore.Mvc.RazorPages;
using OutreachBot.Resources;

namespace OutreachBot.PublicSite;

/// <summary>
/// A page residents read without signing in. Its language comes from <c>?lang=</c> (Japanese when absent or unknown),
/// never from a cookie: public pages set none, so a city's CMS can link or embed them with the language in the link.
/// </summary>
public abstract class PublicPage(TextCatalog catalog) : PageModel
{
    public const string LanguageParameter = "lang";

    public string Language => ReaderLanguage(Request);

    public BotTexts Texts => catalog.For(Language);

    /// <summary>This page's address in another language, for the language links.</summary>
    public string InLanguage(string language) =>
        language == TextCatalog.NeutralLanguage ? Request.Path.Value ?? "/" : $"{Request.Path}?{LanguageParameter}={Uri.EscapeDataString(language)}";

    /// <summary>A link to another public page in the reader's language.</summary>
    public string Link(string path) =>
        Language == TextCatalog.NeutralLanguage ? path : $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{LanguageParameter}={Uri.EscapeDataString(Language)}";

    public static string ReaderLanguage(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var asked = request.Query[LanguageParameter].ToString();
        return Languages.IsSupported(asked) ? asked : TextCatalog.NeutralLanguage;
    }
}
