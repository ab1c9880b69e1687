using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;

namespace OutreachBot.PublicSite;

/// <summary>
/// Staff's plain text as HTML: paragraphs at blank lines, line breaks kept, http(s) links made clickable. Every piece of
/// the text is HTML-escaped; only the tags written here are markup.
/// </summary>
public static partial class RichText
{
    public static IHtmlContent Paragraphs(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var html = new HtmlContentBuilder();
        var paragraphs = BlankLines().Split(text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim());
        foreach (var paragraph in paragraphs.Where(p => p.Length > 0))
        {
            html.AppendHtml("<p>");
            var lines = paragraph.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    html.AppendHtml("<br>");
                }

                AppendLinked(html, lines[i]);
            }

            html.AppendHtml("</p>");
        }

        return html;
    }

    private static void AppendLinked(HtmlContentBuilder html, string line)
    {
        var at = 0;
        foreach (Match link in Links().Matches(line))
        {
            html.Append(line[at..link.Index]);
            var url = link.Value.TrimEnd('.', ',', ')', '」', '。', '、');
            html.AppendHtml("<a href=\"").Append(url).AppendHtml("\" rel=\"noopener nofollow\">").Append(url).AppendHtml("</a>");
            at = link.Index + url.Length;
        }

        html.Append(line[at..]);
    }

    [GeneratedRegex(@"\n[ \t]*\n\s*")]
    private static partial Regex BlankLines();

    // Up to the first space or character that cannot be in a link written in Japanese text (brackets, full-width punctuation).
    [GeneratedRegex(@"https?://[^\s<>""'「」『』（）。、]+")]
    private static partial Regex Links();
}
