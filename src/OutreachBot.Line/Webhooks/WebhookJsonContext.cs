using System.Text.Json;
using System.Text.Json.Serialization;

namespace OutreachBot.Line.Webhooks;

/// <summary>
/// Source-generated contracts for webhook payloads. Read through <see cref="WebhookEventParser"/>: deserializing
/// <see cref="WebhookEvent"/> directly through this context fails on event types this model does not know.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowOutOfOrderMetadataProperties = true, // LINE does not put "type" first (replyToken often comes before it)
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(WebhookPayload))]
[JsonSerializable(typeof(WebhookEvent))]
[JsonSerializable(typeof(UnknownEvent))]
[JsonSerializable(typeof(UnknownMessageContent))]
[JsonSerializable(typeof(UnknownMentionee))]
[JsonSerializable(typeof(UnknownMembershipContent))]
public partial class WebhookJsonContext : JsonSerializerContext;
