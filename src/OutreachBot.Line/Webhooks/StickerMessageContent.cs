using System.Text.Json.Serialization;

namespace OutreachBot.Line.Webhooks;

public sealed record StickerMessageContent : MessageContent
{
    public required string PackageId { get; init; }

    public required string StickerId { get; init; }

    /// <summary>Required by the spec, but absent from some older payloads: then <see cref="StickerResourceType.Unknown"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public StickerResourceType StickerResourceType { get; init; }

    /// <summary>Up to 15 keywords, a random pick each time when the sticker has more (experimental in the spec).</summary>
    public IReadOnlyList<string>? Keywords { get; init; }

    /// <summary>What the user typed into a message sticker (at most 100 characters).</summary>
    public string? Text { get; init; }

    /// <summary>Required by the spec, but absent from payloads older than quoting.</summary>
    public string? QuoteToken { get; init; }

    /// <summary>Only when this message quotes a past message.</summary>
    public string? QuotedMessageId { get; init; }
}

[JsonConverter(typeof(TolerantEnumConverter<StickerResourceType>))]
public enum StickerResourceType
{
    Unknown,
    [JsonStringEnumMemberName("STATIC")] Static,
    [JsonStringEnumMemberName("ANIMATION")] Animation,
    [JsonStringEnumMemberName("SOUND")] Sound,
    [JsonStringEnumMemberName("ANIMATION_SOUND")] AnimationSound,
    [JsonStringEnumMemberName("POPUP")] Popup,
    [JsonStringEnumMemberName("POPUP_SOUND")] PopupSound,
    [JsonStringEnumMemberName("CUSTOM")] Custom,
    [JsonStringEnumMemberName("MESSAGE")] Message,
    [JsonStringEnumMemberName("NAME_TEXT")] NameText,
    [JsonStringEnumMemberName("PER_STICKER_TEXT")] PerStickerText,
}
