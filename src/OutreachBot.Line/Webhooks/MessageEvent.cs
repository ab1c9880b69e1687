using System.Text.Json.Serialization;

namespace OutreachBot.Line.Webhooks;

/// <summary>A user sent a message. The reply token is absent in some chats (for example when the bot cannot reply).</summary>
public sealed record MessageEvent : WebhookEvent
{
    public string? ReplyToken { get; init; }

    [JsonConverter(typeof(MessageContentConverter))]
    public required MessageContent Message { get; init; }
}

/// <summary>
/// A user edited a message they sent. Missing from the webhook.yml snapshot; shape from the official SDKs'
/// <c>MessageEditedEvent</c> and LINE's "Edit event" reference: the message as it reads after the edit.
/// </summary>
public sealed record MessageEditedEvent : WebhookEvent
{
    public string? ReplyToken { get; init; }

    [JsonConverter(typeof(MessageContentConverter))]
    public required MessageContent Message { get; init; }
}
