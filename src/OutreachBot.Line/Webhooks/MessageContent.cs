using System.Text.Json;
using System.Text.Json.Serialization;

namespace OutreachBot.Line.Webhooks;

/// <summary>The message in a <see cref="MessageEvent"/>; its <c>type</c> picks the record.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextMessageContent), "text")]
[JsonDerivedType(typeof(ImageMessageContent), "image")]
[JsonDerivedType(typeof(VideoMessageContent), "video")]
[JsonDerivedType(typeof(AudioMessageContent), "audio")]
[JsonDerivedType(typeof(FileMessageContent), "file")]
[JsonDerivedType(typeof(LocationMessageContent), "location")]
[JsonDerivedType(typeof(StickerMessageContent), "sticker")]
public abstract record MessageContent
{
    /// <summary>Message ID, also the key to fetch media content.</summary>
    public required string Id { get; init; }

    /// <summary>For <c>POST /v2/bot/chat/markAsRead</c>.</summary>
    public string? MarkAsReadToken { get; init; }
}

/// <summary>A message whose <c>type</c> this model does not know; the id is read, the rest kept as sent.</summary>
public sealed record UnknownMessageContent : MessageContent, IUnknownVariant
{
    [JsonIgnore]
    public string Type { get; init; } = string.Empty;

    [JsonIgnore]
    public JsonElement Json { get; init; }
}

internal sealed class MessageContentConverter : PolymorphicFallbackConverter<MessageContent>
{
    protected override MessageContent CreateUnknown(string type, JsonElement json, JsonSerializerOptions options) =>
        ReadAs<UnknownMessageContent>(json, options) with { Type = type, Json = json };
}
