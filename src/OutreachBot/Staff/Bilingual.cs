using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace OutreachBot.Staff;

/// <summary>
/// A console text in Japanese and English. The console shows the user's language first (Japanese unless they
/// switched) and the other beside it, smaller, so that staff and visiting helpers can both follow every screen.
/// </summary>
public readonly record struct Bilingual(string Ja, string En) : IHtmlContent
{
    public static bool EnglishFirst => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The text in the user's language only: for titles, placeholders, attribute values and messages.</summary>
    public string Text => EnglishFirst ? En : Ja;

    /// <summary>Both, user's language first, for places where markup cannot go (a page's title, an aria-label).</summary>
    public string Both => EnglishFirst ? $"{En} / {Ja}" : $"{Ja} / {En}";

    /// <summary>
    /// Japanese then English whatever the user's language: the staff API's wire text, and a text stored once for
    /// both languages. Composed here only; nothing splits it again.
    /// </summary>
    public string JaEn => $"{Ja} / {En}";

    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(encoder);
        var (first, firstLang, second, secondLang) = EnglishFirst ? (En, "en", Ja, "ja") : (Ja, "ja", En, "en");
        writer.Write("<span lang=\"");
        writer.Write(firstLang);
        writer.Write("\">");
        encoder.Encode(writer, first);
        writer.Write("</span> <span class=\"alt\" lang=\"");
        writer.Write(secondLang);
        writer.Write("\">");
        encoder.Encode(writer, second);
        writer.Write("</span>");
    }

    public override string ToString() => Both;
}

/// <summary><c>@T("トピック", "Topics")</c> in pages (imported statically in <c>_ViewImports</c>).</summary>
public static class ConsoleText
{
    public static Bilingual T(string ja, string en) => new(ja, en);

    /// <summary>The text in the user's language only.</summary>
    public static string S(string ja, string en) => new Bilingual(ja, en).Text;
}
