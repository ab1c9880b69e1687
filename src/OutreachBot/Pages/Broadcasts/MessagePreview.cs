using System.Text.Json.Nodes;
using OutreachBot.Broadcasts.Authoring;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Broadcasts;

/// <summary>One bubble of the LINE-like preview: a text, an image (named by its URL: the console loads nothing from elsewhere), an event card, or another message by its alt text.</summary>
public sealed record PreviewBubble(string Kind, string Text, string? Url = null, IReadOnlyList<string>? Lines = null);

/// <summary>What citizens of one language will see, from a broadcast's stored messages.</summary>
public static class MessagePreview
{
    public static IReadOnlyList<PreviewBubble> Of(string storedJson, string language, TimeZoneInfo zone)
    {
        var stored = JsonNode.Parse(storedJson)!.AsObject();
        var list = stored[language] ?? stored[Languages.Japanese];
        return [.. (list?.AsArray() ?? []).Select(m => Bubble(m!, zone))];
    }

    private static PreviewBubble Bubble(JsonNode message, TimeZoneInfo zone)
    {
        var type = message["type"]?.GetValue<string>();
        if (type == "text")
        {
            return new("text", message["text"]?.GetValue<string>() ?? "");
        }

        if (type == "image")
        {
            return new("image", message["originalContentUrl"]?.GetValue<string>() ?? "", message["originalContentUrl"]?.GetValue<string>());
        }

        if (EventCard.TryRead(message, zone) is { } card)
        {
            List<string> lines = [$"日時 {MessageCompiler.FormatJst(card.StartsAt, zone)}"];
            if (card.Venue is { } venue)
            {
                lines.Add($"会場 {venue}");
            }

            return new("card", card.Title, card.Url, lines);
        }

        return new("other", message["altText"]?.GetValue<string>() ?? $"({type})");
    }
}
