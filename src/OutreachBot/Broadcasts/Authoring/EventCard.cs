using System.Text.Json;
using System.Text.Json.Nodes;

namespace OutreachBot.Broadcasts.Authoring;

/// <summary>
/// The "event card": <c>{"type": "eventCard", "title", "startsAt", "venue"?, "url"?, "imageUrl"?}</c> becomes a Flex
/// bubble (hero image, title, date and time in <c>Bot:TimeZone</c>, venue, a button to the link).
/// </summary>
public static class EventCard
{
    public static JsonNode? From(JsonElement card, TimeZoneInfo zone, string key, Dictionary<string, Bilingual[]> errors)
    {
        var title = card.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var startsAt = card.TryGetProperty("startsAt", out var s) && s.ValueKind == JsonValueKind.String
            && BroadcastInputText.TryReadInstant(s.GetString()!, zone, out var instant) ? instant : (DateTimeOffset?)null;
        if (string.IsNullOrWhiteSpace(title) || title.Length > 100)
        {
            errors[key + ".title"] = [new("イベント名（100文字以内）が必要です。", "A title of at most 100 characters is required.")];
        }

        if (startsAt is null)
        {
            errors[key + ".startsAt"] = [new("開始日時を ISO 8601 で入力してください（例 2026-11-20T10:00）。", "startsAt as ISO 8601, e.g. 2026-11-20T10:00 (JST).")];
        }

        foreach (var property in new[] { "url", "imageUrl" })
        {
            if (card.TryGetProperty(property, out _) && !MessageCompiler.HasHttpsUrl(card, property))
            {
                errors[$"{key}.{property}"] = [new("https のURLを入力してください。", "Give an https URL.")];
            }
        }

        if (errors.Keys.Any(k => k.StartsWith(key, StringComparison.Ordinal)))
        {
            return null;
        }

        var venue = card.TryGetProperty("venue", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var url = card.TryGetProperty("url", out var u) ? u.GetString() : null;
        var image = card.TryGetProperty("imageUrl", out var i) ? i.GetString() : null;
        return Build(title!, startsAt!.Value, zone, venue, url, image);
    }

    public static JsonNode Build(string title, DateTimeOffset startsAt, TimeZoneInfo zone, string? venue, string? url, string? imageUrl)
    {
        var when = MessageCompiler.FormatJst(startsAt, zone);
        var body = new JsonArray
        {
            new JsonObject { ["type"] = "text", ["text"] = title, ["weight"] = "bold", ["size"] = "lg", ["wrap"] = true },
            Row("日時", when),
        };
        if (!string.IsNullOrWhiteSpace(venue))
        {
            body.Add(Row("会場", venue));
        }

        var bubble = new JsonObject
        {
            ["type"] = "bubble",
            ["body"] = new JsonObject { ["type"] = "box", ["layout"] = "vertical", ["spacing"] = "md", ["contents"] = body },
        };
        if (imageUrl is not null)
        {
            bubble["hero"] = new JsonObject { ["type"] = "image", ["url"] = imageUrl, ["size"] = "full", ["aspectRatio"] = "20:13", ["aspectMode"] = "cover" };
        }

        if (url is not null)
        {
            bubble["footer"] = new JsonObject
            {
                ["type"] = "box",
                ["layout"] = "vertical",
                ["contents"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["type"] = "button",
                        ["style"] = "primary",
                        ["action"] = new JsonObject { ["type"] = "uri", ["label"] = "詳しく見る", ["uri"] = url },
                    },
                },
            };
        }

        return new JsonObject
        {
            ["type"] = "flex",
            ["altText"] = LineLimits.Truncate($"{title} {when}", LineLimits.AltTextLength),
            ["contents"] = bubble,
        };
    }

    /// <summary>
    /// The messages (<c>{"ja": [...], ...}</c>) with every event card drawn again from <paramref name="civic"/> as it is now
    /// (title in that language, date, venue, links), so that a card composed before the event moved shows where and when it is.
    /// </summary>
    public static string Refresh(string messagesJson, CivicEventInfo civic, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(civic);
        var variants = JsonNode.Parse(messagesJson)!.AsObject();
        foreach (var (language, node) in variants)
        {
            if (node is not JsonArray messages)
            {
                continue;
            }

            for (var i = 0; i < messages.Count; i++)
            {
                if (TryRead(messages[i], zone) is { } old)
                {
                    var title = civic.Titles.GetValueOrDefault(language) ?? civic.Titles.GetValueOrDefault(Languages.Japanese) ?? old.Title;
                    messages[i] = Build(title, civic.StartsAt, zone, civic.Venue ?? old.Venue, civic.Url?.ToString() ?? old.Url, civic.ImageUrl?.ToString() ?? old.ImageUrl);
                }
            }
        }

        return variants.ToJsonString();
    }

    /// <summary>The card's fields back from a Flex message <see cref="Build"/> made (to edit it); null for any other message.</summary>
    public static EventCardFields? TryRead(JsonNode? message, TimeZoneInfo zone)
    {
        var bubble = message?["contents"];
        if (message?["type"]?.GetValue<string>() != "flex" || bubble?["type"]?.GetValue<string>() != "bubble"
            || bubble["body"]?["contents"] is not JsonArray body || body.Count < 2
            || body[0]?["text"]?.GetValue<string>() is not { } title)
        {
            return null;
        }

        string? RowValue(string label) => body.Skip(1)
            .Select(row => row?["contents"] as JsonArray)
            .FirstOrDefault(cells => cells is { Count: 2 } && cells[0]?["text"]?.GetValue<string>() == label)?[1]?["text"]?.GetValue<string>();

        var when = System.Text.RegularExpressions.Regex.Match(RowValue("日時") ?? "", @"^(\d{4}/\d{1,2}/\d{1,2})（.）(\d{1,2}:\d{2})$");
        if (!when.Success || !DateTime.TryParseExact(
                $"{when.Groups[1].Value} {when.Groups[2].Value}", "yyyy/M/d H:mm", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var local))
        {
            return null;
        }

        var startsAt = new DateTimeOffset(local, zone.GetUtcOffset(local));
        var url = bubble["footer"]?["contents"]?[0]?["action"]?["uri"]?.GetValue<string>();
        return new EventCardFields(title, startsAt, RowValue("会場"), url, bubble["hero"]?["url"]?.GetValue<string>());
    }

    private static JsonObject Row(string label, string value) => new()
    {
        ["type"] = "box",
        ["layout"] = "baseline",
        ["spacing"] = "sm",
        ["contents"] = new JsonArray
        {
            new JsonObject { ["type"] = "text", ["text"] = label, ["color"] = "#888888", ["size"] = "sm", ["flex"] = 1 },
            new JsonObject { ["type"] = "text", ["text"] = value, ["size"] = "sm", ["flex"] = 4, ["wrap"] = true },
        },
    };
}

public sealed record EventCardFields(string Title, DateTimeOffset StartsAt, string? Venue, string? Url, string? ImageUrl);
