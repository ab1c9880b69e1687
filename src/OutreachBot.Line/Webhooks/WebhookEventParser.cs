using System.Text;
using System.Text.Json;

namespace OutreachBot.Line.Webhooks;

/// <summary>
/// Typed reading of webhook JSON. Event, message, source, mentionee, membership and module types this model
/// does not know become their <see cref="IUnknownVariant"/> records; JSON that is malformed, or lacks a field
/// every LINE payload carries, throws <see cref="WebhookParseException"/>.
/// </summary>
public static class WebhookEventParser
{
    private static readonly WebhookEventConverter EventConverter = new();

    /// <summary>Reads one event, as stored from <see cref="RawWebhookEvent.Json"/>.</summary>
    public static WebhookEvent Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new WebhookParseException("A webhook event must be a JSON object.");
            }

            var parsed = EventConverter.Read(ref reader, typeof(WebhookEvent), WebhookJsonContext.Default.Options)!;
            _ = reader.Read(); // the converter stops at the object's end; reading on makes the reader reject anything after it
            return parsed;
        }
        catch (JsonException ex)
        {
            throw new WebhookParseException($"The webhook event is not valid: {ex.Message}", ex);
        }
    }

    /// <summary>Reads a whole webhook request body: the destination and every event.</summary>
    public static WebhookPayload ParseBody(ReadOnlySpan<byte> body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, WebhookJsonContext.Default.WebhookPayload)
                ?? throw new WebhookParseException("The webhook body is JSON null.");
        }
        catch (JsonException ex)
        {
            throw new WebhookParseException($"The webhook body is not valid: {ex.Message}", ex);
        }
    }
}
