using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using OutreachBot.Broadcasts.Authoring;
using OutreachBot.Resources;

namespace OutreachBot.Broadcasts.MailDelivery;

/// <summary>
/// A broadcast's messages as the two parts of a mail: plain text, and HTML with inline styles only (mail clients drop
/// style sheets) whose only remote resources are the https images staff put in the messages.
/// </summary>
public sealed class MailBody(BotTexts texts, TimeZoneInfo zone, string subject)
{
    private const string ParagraphStyle = "margin:0 0 16px 0";
    private readonly StringBuilder _html = new();
    private readonly List<string> _text = [];

    public MailBody Add(JsonArray messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            Add(message);
        }

        return this;
    }

    /// <summary>The mail around its footer: what every reader of this language and subject gets, rendered once.</summary>
    public MailLayout Layout()
    {
        var head = $"""
            <!DOCTYPE html>
            <html lang="{MailHtml.Escape(texts.Language)}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{MailHtml.Escape(subject)}</title></head>
            <body style="margin:0;padding:0;background:#f4f5f7">
            <div style="max-width:600px;margin:0 auto;padding:24px 16px;background:#ffffff;color:#222222;font-family:sans-serif;font-size:16px;line-height:1.7">
            """;
        return new MailLayout(subject, $"{head}\n{_html}", "\n</div>\n</body>\n</html>", string.Join("\n\n", _text) + "\n\n-- \n");
    }

    private void Add(JsonNode? message)
    {
        switch (message?["type"]?.GetValue<string>())
        {
            case "text" or "textV2" when message["text"]?.GetValue<string>() is { } text:
                _html.Append(MailHtml.Paragraphs(text, ParagraphStyle));
                _text.Add(text.Trim());
                break;
            case "image":
                Image(message["originalContentUrl"]?.GetValue<string>(), message["altText"]?.GetValue<string>());
                break;
            case "flex" when EventCard.TryRead(message, zone) is { } card:
                Card(card);
                break;
            case "flex" or "template" or "imagemap" when message["altText"]?.GetValue<string>() is { } altText:
                _html.Append(MailHtml.Paragraphs(altText, ParagraphStyle));
                _text.Add(altText.Trim());
                break;
            case "location":
                var place = string.Join("\n", new[] { message["title"]?.GetValue<string>(), message["address"]?.GetValue<string>() }.Where(s => !string.IsNullOrWhiteSpace(s)));
                _html.Append(MailHtml.Paragraphs(place, ParagraphStyle));
                _text.Add(place);
                break;
        }
    }

    private void Image(string? url, string? altText)
    {
        if (!MailHtml.IsHttpsUrl(url))
        {
            return;
        }

        _html.Append(CultureInfo.InvariantCulture, $"<p style=\"{ParagraphStyle}\"><img src=\"{MailHtml.Escape(url!)}\" alt=\"{MailHtml.Escape(altText ?? "")}\" style=\"display:block;max-width:100%;height:auto;border:0\"></p>\n");
        if (!string.IsNullOrWhiteSpace(altText))
        {
            _text.Add($"[{texts[BroadcastMailTextKeys.Image]}] {altText.Trim()}");
        }
    }

    private void Card(EventCardFields card)
    {
        var when = TimeZoneInfo.ConvertTime(card.StartsAt, zone).ToString(texts[TextKeys.EventDateFormat], texts.Culture);
        var text = new List<string> { card.Title, $"{texts[BroadcastMailTextKeys.When]}: {when}" };
        _html.Append("<div style=\"margin:0 0 16px 0;border:1px solid #d9dce1;border-radius:8px;overflow:hidden\">\n");
        if (MailHtml.IsHttpsUrl(card.ImageUrl))
        {
            _html.Append(CultureInfo.InvariantCulture, $"<img src=\"{MailHtml.Escape(card.ImageUrl!)}\" alt=\"\" style=\"display:block;width:100%;height:auto;border:0\">\n");
        }

        _html.Append("<div style=\"padding:16px\">\n")
            .Append(CultureInfo.InvariantCulture, $"<p style=\"margin:0 0 8px 0;font-size:20px;font-weight:bold\">{MailHtml.Escape(card.Title)}</p>\n")
            .Append(Row(texts[BroadcastMailTextKeys.When], when));
        if (!string.IsNullOrWhiteSpace(card.Venue))
        {
            _html.Append(Row(texts[BroadcastMailTextKeys.Venue], card.Venue));
            text.Add($"{texts[BroadcastMailTextKeys.Venue]}: {card.Venue}");
        }

        if (MailHtml.IsWebUrl(card.Url))
        {
            _html.Append(CultureInfo.InvariantCulture, $"<p style=\"margin:12px 0 0 0\"><a href=\"{MailHtml.Escape(card.Url!)}\" style=\"display:inline-block;padding:8px 16px;background:#06c755;color:#ffffff;border-radius:6px;text-decoration:none\">{MailHtml.Escape(texts[BroadcastMailTextKeys.Details])}</a></p>\n");
            text.Add($"{texts[BroadcastMailTextKeys.Details]}: {card.Url}");
        }

        _html.Append("</div>\n</div>\n");
        _text.Add(string.Join("\n", text));
    }

    private static string Row(string label, string value) =>
        $"<p style=\"margin:0\"><span style=\"color:#666666\">{MailHtml.Escape(label)}</span> {MailHtml.Escape(value)}</p>\n";
}

/// <summary>A broadcast's mail in one language, all but its footer: the HTML before and after the footer, the text before it.</summary>
public sealed record MailLayout(string Subject, string HtmlBeforeFooter, string HtmlAfterFooter, string TextBeforeFooter)
{
    public string Html(MailFooter footer) => HtmlBeforeFooter + footer.Html + HtmlAfterFooter;

    public string Text(MailFooter footer) => TextBeforeFooter + footer.Text + "\n";
}

/// <summary>The end of every broadcast mail, in the subscriber's language: why they get it and where to change or stop it.</summary>
public sealed class MailFooter(BotTexts texts, Uri manage)
{
    public string Html =>
        $"""
        <div lang="{MailHtml.Escape(texts.Language)}" style="margin-top:24px;padding-top:16px;border-top:1px solid #d9dce1;color:#666666;font-size:13px">
        <p style="margin:0 0 8px 0">{MailHtml.Escape(texts[BroadcastMailTextKeys.Why])}</p>
        <p style="margin:0">{MailHtml.Escape(texts[BroadcastMailTextKeys.Manage])} {MailHtml.Anchor(manage.AbsoluteUri, manage.AbsoluteUri)}</p>
        </div>
        """;

    public string Text => $"{texts[BroadcastMailTextKeys.Why]}\n{texts[BroadcastMailTextKeys.Manage]}\n{manage.AbsoluteUri}";
}
