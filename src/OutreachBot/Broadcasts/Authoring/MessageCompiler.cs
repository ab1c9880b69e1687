using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OutreachBot.Broadcasts.Authoring;

/// <summary>
/// Turns the messages staff wrote into the LINE message JSON that is stored and sent as is. Each message is a LINE
/// message object, checked for the limits LINE documents, except <c>{"type": "eventCard", ...}</c>, which becomes a
/// Flex bubble with the event's title, date and time, venue, link and image. An image may carry <c>altText</c> for
/// the mail and the web (LINE's image message has no such field): it is stored, and taken out of what goes to LINE.
/// </summary>
public static class MessageCompiler
{
    public const int ImageAltTextLength = 400;

    private static readonly HashSet<string> LineTypes = ["text", "textV2", "image", "video", "audio", "sticker", "location", "imagemap", "template", "flex"];

    /// <summary>The stored form, <c>{"ja": [...], ...}</c>, or null with errors keyed by field.</summary>
    public static string? Compile(Dictionary<string, JsonElement>? messages, TimeZoneInfo zone, Dictionary<string, Bilingual[]> errors)
    {
        if (messages is null || messages.Count == 0)
        {
            errors["messages"] = [new("メッセージを入力してください。", "Messages are required, per language.")];
            return null;
        }

        if (!messages.ContainsKey(Languages.Japanese))
        {
            errors["messages.ja"] = [new("日本語のメッセージは必須です（他の言語の代わりにも使われます）。", "Japanese messages are required: they are the fallback.")];
        }

        var compiled = new JsonObject();
        foreach (var (language, list) in messages)
        {
            var key = $"messages.{language}";
            if (!Languages.IsSupported(language))
            {
                errors[key] = [new("対応していない言語です。", $"Unsupported language; use {string.Join(", ", Languages.Supported.Select(l => l.Code))}.")];
                continue;
            }

            if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() is 0 or > LineLimits.MessagesPerRequest)
            {
                errors[key] = [new($"1〜{LineLimits.MessagesPerRequest}件のメッセージを入力してください。", "Give 1 to 5 messages.")];
                continue;
            }

            var array = new JsonArray();
            var index = 0;
            foreach (var message in list.EnumerateArray())
            {
                if (CompileOne(message, zone, $"{key}[{index}]", errors) is { } node)
                {
                    array.Add(node);
                }

                index++;
            }

            compiled[language] = array;
        }

        return errors.Count == 0 ? compiled.ToJsonString() : null;
    }

    /// <summary>The messages for one language from the stored form, falling back to Japanese.</summary>
    public static IReadOnlyList<Message> For(string storedJson, string language)
    {
        using var document = JsonDocument.Parse(storedJson);
        var root = document.RootElement;
        var list = root.TryGetProperty(language, out var own) ? own : root.GetProperty(Languages.Japanese);
        return [.. list.EnumerateArray().Select(m => (Message)new RawMessage(ForLine(m)))];
    }

    /// <summary>The message as LINE takes it: an image without the alt text kept for the mail and the web.</summary>
    private static JsonElement ForLine(JsonElement message)
    {
        if (!(message.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "image"
              && message.TryGetProperty("altText", out _)))
        {
            return message.Clone();
        }

        var image = JsonNode.Parse(message.GetRawText())!.AsObject();
        image.Remove("altText");
        return JsonSerializer.SerializeToElement(image);
    }

    /// <summary>The languages that have their own variant.</summary>
    public static IReadOnlyList<string> Variants(string storedJson)
    {
        using var document = JsonDocument.Parse(storedJson);
        return [.. document.RootElement.EnumerateObject().Select(p => p.Name)];
    }

    private static JsonNode? CompileOne(JsonElement message, TimeZoneInfo zone, string key, Dictionary<string, Bilingual[]> errors)
    {
        var type = message.ValueKind == JsonValueKind.Object && message.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (type == "eventCard")
        {
            return EventCard.From(message, zone, key, errors);
        }

        if (type is null || !LineTypes.Contains(type))
        {
            errors[key] = [new("LINEのメッセージ（text, image, flex など）か eventCard を指定してください。", "Give a LINE message object (text, image, flex...) or an eventCard.")];
            return null;
        }

        if (type == "text" && (!message.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(text.GetString()) || !LineLimits.FitsText(text.GetString()!)))
        {
            errors[key + ".text"] = [new($"1〜{LineLimits.TextLength}文字のテキストを入力してください。", "Text of 1 to 5000 characters.")];
            return null;
        }

        if (type == "image" && !(HasHttpsUrl(message, "originalContentUrl") && HasHttpsUrl(message, "previewImageUrl")))
        {
            errors[key] = [new("画像には https の originalContentUrl と previewImageUrl が必要です。", "An image needs https originalContentUrl and previewImageUrl.")];
            return null;
        }

        if (type == "image" && message.TryGetProperty("altText", out var imageAlt)
            && (imageAlt.ValueKind != JsonValueKind.String || imageAlt.GetString()!.Length > ImageAltTextLength))
        {
            errors[key + ".altText"] = [new($"画像の説明（代替テキスト）は{ImageAltTextLength}文字以内の文字列にしてください。", $"An image's altText is text of at most {ImageAltTextLength} characters.")];
            return null;
        }

        if (type == "image" && message.TryGetProperty("altText", out var blankAlt) && string.IsNullOrWhiteSpace(blankAlt.GetString()))
        {
            var withoutAlt = JsonNode.Parse(message.GetRawText())!.AsObject();
            withoutAlt.Remove("altText");
            return withoutAlt;
        }

        if (type is "flex" or "template" or "imagemap"
            && (!message.TryGetProperty("altText", out var alt) || alt.ValueKind != JsonValueKind.String
                || string.IsNullOrWhiteSpace(alt.GetString()) || alt.GetString()!.Length > LineLimits.AltTextLength))
        {
            errors[key + ".altText"] = [new($"通知に出る代替テキスト（1〜{LineLimits.AltTextLength}文字）が必要です。", "altText of 1 to 1500 characters is required.")];
            return null;
        }

        return JsonNode.Parse(message.GetRawText());
    }

    internal static bool HasHttpsUrl(JsonElement message, string property) =>
        message.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
        && Uri.TryCreate(value.GetString(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
        && value.GetString()!.Length <= LineLimits.UriLength;

    internal static string FormatJst(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var days = "日月火水木金土";
        return string.Create(CultureInfo.InvariantCulture, $"{local:yyyy/M/d}（{days[(int)local.DayOfWeek]}）{local:H:mm}");
    }
}
