using System.Text.Json.Nodes;
using OutreachBot.Broadcasts.Authoring;

namespace OutreachBot.PublicSite.News;

/// <summary>One message of a broadcast as the web shows it.</summary>
public abstract record NewsBlock;

/// <summary>Staff's text: shown as paragraphs, escaped, with its links made clickable.</summary>
public sealed record TextBlock(string Text) : NewsBlock;

/// <param name="Alt">The image's <c>altText</c> when staff wrote one; the page uses the headline otherwise.</param>
public sealed record ImageBlock(string Url, string? Alt) : NewsBlock;

public sealed record EventCardBlock(EventCardFields Card) : NewsBlock;

/// <summary>A message the web cannot draw (a sticker, a custom Flex layout): its alternative text, when it has one.</summary>
public sealed record AltTextBlock(string Text) : NewsBlock;

public static class NewsBlocks
{
    /// <summary>The messages of <paramref name="language"/> in <paramref name="messagesJson"/> (<c>{"ja": [...], ...}</c>), in order.</summary>
    public static IReadOnlyList<NewsBlock> Read(string messagesJson, string language, TimeZoneInfo zone)
    {
        if (JsonNode.Parse(messagesJson)?[language] is not JsonArray messages)
        {
            return [];
        }

        var blocks = new List<NewsBlock>();
        foreach (var message in messages)
        {
            if (Read(message, zone) is { } block)
            {
                blocks.Add(block);
            }
        }

        return blocks;
    }

    private static NewsBlock? Read(JsonNode? message, TimeZoneInfo zone)
    {
        var type = Text(message, "type");
        return type switch
        {
            "text" or "textV2" when Text(message, "text") is { } text => new TextBlock(text),
            "image" when Text(message, "originalContentUrl") is { } url && IsHttps(url) => new ImageBlock(url, Text(message, "altText") is { Length: > 0 } alt ? alt : null),
            _ when EventCard.TryRead(message, zone) is { } card => new EventCardBlock(card),
            _ when Text(message, "altText") is { Length: > 0 } alt => new AltTextBlock(alt),
            _ => null,
        };
    }

    private static string? Text(JsonNode? node, string property) =>
        node?[property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static bool IsHttps(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;
}
