using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace OutreachBot.Broadcasts.MailDelivery;

/// <summary>Staff text into mail HTML: everything escaped (no markup from staff ever reaches a mail), http(s) links made clickable.</summary>
public static partial class MailHtml
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Escape(string text) => Encoder.Encode(text);

    /// <summary>A paragraph per blank-line-separated block, line breaks kept, links clickable.</summary>
    public static string Paragraphs(string text, string style)
    {
        var html = new StringBuilder();
        foreach (var block in BlankLines().Split(text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim()))
        {
            html.Append("<p style=\"").Append(style).Append("\">");
            var lines = block.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                html.Append(i > 0 ? "<br>" : "").Append(Linked(lines[i]));
            }

            html.Append("</p>\n");
        }

        return html.ToString();
    }

    /// <summary>The text escaped, with each http(s) URL in it an anchor to itself.</summary>
    public static string Linked(string text)
    {
        var html = new StringBuilder();
        var at = 0;
        foreach (Match match in Url().Matches(text))
        {
            var url = match.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', ']', '\'');
            if (!IsWebUrl(url))
            {
                continue;
            }

            html.Append(Escape(text[at..match.Index])).Append(Anchor(url, url));
            at = match.Index + url.Length;
        }

        return html.Append(Escape(text[at..])).ToString();
    }

    public static string Anchor(string url, string label) =>
        $"<a href=\"{Escape(url)}\" style=\"color:#0b57d0;word-break:break-all\">{Escape(label)}</a>";

    public static bool IsWebUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    public static bool IsHttpsUrl(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;

    [GeneratedRegex(@"\n[ \t\u3000]*\n\s*")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"https?://[^\s<>""'（）「」『』【】、。，．]+", RegexOptions.IgnoreCase)]
    private static partial Regex Url();
}
