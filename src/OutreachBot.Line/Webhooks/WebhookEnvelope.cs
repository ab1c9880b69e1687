using System.Security.Cryptography;
using System.Text.Json;

namespace OutreachBot.Line.Webhooks;

/// <summary>
/// A webhook body split into its events without interpreting them, so that each can be stored as LINE sent it
/// before anything acts on it. Typed parsing happens later, when the event is handled.
/// </summary>
public sealed record WebhookEnvelope(string Destination, IReadOnlyList<RawWebhookEvent> Events)
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <summary>Reads a body whose signature has been checked. Returns null with a reason when it is not a LINE webhook.</summary>
    public static WebhookEnvelope? TryRead(ReadOnlyMemory<byte> body, out string? error)
    {
        try
        {
            using var document = JsonDocument.Parse(body, DocumentOptions);
            if (MayHoldLoneSurrogate(body.Span) && !IsText(document.RootElement))
            {
                error = "The body holds a string that is not valid Unicode (an unpaired surrogate escape such as \\ud800).";
                return null;
            }

            return Read(document.RootElement, out error);
        }
        catch (JsonException ex)
        {
            error = $"The body is not valid JSON: {ex.Message}";
            return null;
        }
    }

    /// <summary>
    /// The JSON reader accepts an escaped unpaired surrogate, but reading that string throws, and the event could not
    /// be handled later either. Raw UTF-8 cannot hold one, so only a body with a surrogate escape needs the full check.
    /// </summary>
    private static bool MayHoldLoneSurrogate(ReadOnlySpan<byte> body) => body.IndexOf("\\ud"u8) >= 0 || body.IndexOf("\\uD"u8) >= 0;

    private static bool IsText(JsonElement element)
    {
        try
        {
            ReadEveryString(element);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void ReadEveryString(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            _ = element.GetString();
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                ReadEveryString(item);
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                _ = property.Name;
                ReadEveryString(property.Value);
            }
        }
    }

    private static WebhookEnvelope? Read(JsonElement root, out string? error)
    {
        error = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            error = "The body is not a JSON object.";
            return null;
        }

        if (!root.TryGetProperty("destination", out var destination) || destination.ValueKind != JsonValueKind.String)
        {
            error = "The body has no 'destination' string.";
            return null;
        }

        if (!root.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
        {
            error = "The body has no 'events' array.";
            return null;
        }

        var read = new List<RawWebhookEvent>(events.GetArrayLength());
        var index = 0;
        foreach (var item in events.EnumerateArray())
        {
            var parsed = RawWebhookEvent.TryRead(item, out error);
            if (parsed is null)
            {
                error = $"events[{index}]: {error}";
                return null;
            }

            read.Add(parsed);
            index++;
        }

        return new WebhookEnvelope(destination.GetString()!, read);
    }
}

/// <summary>One webhook event as LINE sent it, with the few fields needed to store, dedupe and order it.</summary>
/// <param name="EventId">The <c>webhookEventId</c>; for old payloads without one, a hash of the event's bytes, so a redelivery still dedupes.</param>
/// <param name="SourceKey">Whose conversation this belongs to (user, group or room id); events of one source are handled in order.</param>
public sealed record RawWebhookEvent(string EventId, string Type, long Timestamp, string? SourceKey, bool IsRedelivery, string Json)
{
    internal static RawWebhookEvent? TryRead(JsonElement item, out string? error)
    {
        error = null;
        if (item.ValueKind != JsonValueKind.Object)
        {
            error = "an event is not a JSON object.";
            return null;
        }

        if (!item.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            error = "an event has no 'type' string.";
            return null;
        }

        // TryGetInt64 throws rather than answers false on a non-number, which would surface as a 500, not a 400.
        if (!item.TryGetProperty("timestamp", out var timestamp)
            || timestamp.ValueKind != JsonValueKind.Number
            || !timestamp.TryGetInt64(out var millis))
        {
            error = "an event has no numeric 'timestamp'.";
            return null;
        }

        var json = item.GetRawText();
        return new RawWebhookEvent(
            ReadEventId(item, json),
            type.GetString()!,
            millis,
            ReadSourceKey(item),
            item.TryGetProperty("deliveryContext", out var context)
                && context.ValueKind == JsonValueKind.Object
                && context.TryGetProperty("isRedelivery", out var redelivery)
                && redelivery.ValueKind == JsonValueKind.True,
            json);
    }

    private static string ReadEventId(JsonElement item, string json) =>
        item.TryGetProperty("webhookEventId", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } value
            ? value
            : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(json)));

    private static string? ReadSourceKey(JsonElement item)
    {
        if (!item.TryGetProperty("source", out var source) || source.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var name in (ReadOnlySpan<string>)["groupId", "roomId", "userId"])
        {
            if (source.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }
        }

        return null;
    }
}
