using System.Text.Json.Nodes;
using OutreachBot.Broadcasts.Authoring;

namespace OutreachBot.Meta;

/// <summary>What a broadcast posts on the Page or Instagram: one text, at most one photo, and a link for a Page post without one.</summary>
public sealed record SocialPost(string Text, string? ImageUrl, string? Link)
{
    /// <summary>
    /// Built from the Japanese messages: texts as paragraphs, an event card as its title, date and time in
    /// <paramref name="zone"/>, venue and link; the first https image (or the card's image) is the photo. Staff's own
    /// text replaces the built one, and each added language's messages, built alike, follow it.
    /// </summary>
    public static SocialPost From(string messagesJson, TimeZoneInfo zone, SocialChoices? choices = null)
    {
        choices ??= SocialChoices.Default;
        var all = JsonNode.Parse(messagesJson);
        var japanese = Read(all?[Languages.Japanese]?.AsArray(), zone);
        var texts = new List<string> { choices.Text?.ReplaceLineEndings("\n").Trim() ?? japanese.Text };
        texts.AddRange(choices.AddedLanguages
            .Where(l => l != Languages.Japanese)
            .Select(l => Read(all?[l]?.AsArray(), zone).Text)
            .Where(t => t.Length > 0));
        return japanese with { Text = string.Join("\n\n", texts.Where(t => t.Length > 0)) };
    }

    private static SocialPost Read(JsonArray? messages, TimeZoneInfo zone)
    {
        messages ??= [];
        var paragraphs = new List<string>();
        string? image = null;
        string? link = null;
        foreach (var message in messages)
        {
            switch (message?["type"]?.GetValue<string>())
            {
                case "text" or "textV2" when message["text"]?.GetValue<string>() is { } text:
                    paragraphs.Add(text.Trim());
                    break;
                case "image":
                    image ??= Https(message["originalContentUrl"]?.GetValue<string>());
                    break;
                case "flex" when EventCard.TryRead(message, zone) is { } card:
                    var lines = new List<string> { card.Title, $"日時: {MessageCompiler.FormatJst(card.StartsAt, zone)}" };
                    if (!string.IsNullOrWhiteSpace(card.Venue))
                    {
                        lines.Add($"会場: {card.Venue}");
                    }

                    if (Https(card.Url) is { } url)
                    {
                        lines.Add(url);
                        link ??= url;
                    }

                    paragraphs.Add(string.Join("\n", lines));
                    image ??= Https(card.ImageUrl);
                    break;
                case "flex" or "template" or "imagemap" when message["altText"]?.GetValue<string>() is { } altText:
                    paragraphs.Add(altText.Trim());
                    break;
            }
        }

        return new SocialPost(string.Join("\n\n", paragraphs), image, link);
    }

    private static string? Https(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps ? uri.AbsoluteUri : null;
}
