using Microsoft.AspNetCore.Mvc.RazorPages;

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

    /// <summary>Nothing to show at this address: the layout shows "page not found" in the reader's language, with 404.</summary>
    public bool Missing { get; private set; }

    /// <summary>This page's address in another language (its other parameters, such as the page number, kept), for the language links.</summary>
    public string InLanguage(string language)
    {
        var kept = Request.Query.Where(q => q.Key != LanguageParameter)
            .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}"));
        var query = string.Join('&', language == TextCatalog.NeutralLanguage ? kept : kept.Append($"{LanguageParameter}={Uri.EscapeDataString(language)}"));
        return query.Length == 0 ? Request.Path.Value ?? "/" : $"{Request.Path}?{query}";
    }

    /// <summary>Answers 404 with the not-found page in the reader's language.</summary>
    public PageResult NotFoundPage()
    {
        Missing = true;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    /// <summary>A form's errors by field, in the reader's language; each shown beside its field.</summary>
    public Dictionary<string, string> Errors { get; } = [];

    /// <summary>The id of a field's error, for the field's <c>aria-describedby</c>; null when the field has none.</summary>
    public string? ErrorId(string key) => Errors.ContainsKey(key) ? "e-" + key : null;

    /// <summary>Answers 400 with the form again, its errors beside their fields and everything typed kept.</summary>
    public PageResult FormWithErrors()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

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
