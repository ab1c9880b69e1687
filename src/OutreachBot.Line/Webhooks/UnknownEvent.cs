using System.Text.Json;
using System.Text.Json.Serialization;

namespace OutreachBot.Line.Webhooks;

/// <summary>An event whose <c>type</c> this model does not know; the common fields are read, the rest kept as sent.</summary>
public sealed record UnknownEvent : WebhookEvent, IUnknownVariant
{
    [JsonIgnore]
    public string Type { get; init; } = string.Empty;

    [JsonIgnore]
    public JsonElement Json { get; init; }
}

internal sealed class WebhookEventConverter : PolymorphicFallbackConverter<WebhookEvent>
{
    protected override WebhookEvent CreateUnknown(string type, JsonElement json, JsonSerializerOptions options) =>
        ReadAs<UnknownEvent>(json, options) with { Type = type, Json = json };
}

internal sealed class WebhookEventListConverter : PolymorphicFallbackListConverter<WebhookEvent, WebhookEventConverter>;
