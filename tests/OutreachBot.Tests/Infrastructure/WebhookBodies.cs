using System.Text.Json;

namespace OutreachBot.Tests.Infrastructure;

/// <summary>Webhook bodies shaped as LINE sends them, with the fields the inbox relies on.</summary>
public static class WebhookBodies
{
    public const string Destination = "Ubot0000000000000000000000000000";

    public static string Text(string userId, string text, string? eventId = null, long? timestamp = null, bool redelivery = false) =>
        Body(TextEvent(userId, text, eventId, timestamp, redelivery));

    public static object TextEvent(string userId, string text, string? eventId = null, long? timestamp = null, bool redelivery = false) => new
    {
        type = "message",
        mode = "active",
        timestamp = timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        source = new { type = "user", userId },
        webhookEventId = eventId ?? NewEventId(),
        deliveryContext = new { isRedelivery = redelivery },
        replyToken = Guid.NewGuid().ToString("N"),
        message = new { id = "1" + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999), type = "text", quoteToken = "q", text },
    };

    public static string Body(params object[] events) => JsonSerializer.Serialize(new { destination = Destination, events });

    /// <summary>A ULID-shaped id, unique per call, as LINE's <c>webhookEventId</c>.</summary>
    public static string NewEventId() => "01" + Guid.NewGuid().ToString("N")[..24].ToUpperInvariant();
}
