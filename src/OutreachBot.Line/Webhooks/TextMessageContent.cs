using System.Text.Json;
using System.Text.Json.Serialization;

namespace OutreachBot.Line.Webhooks;

public sealed record TextMessageContent : MessageContent
{
    public required string Text { get; init; }

    /// <summary>Only when the text contains LINE emoji.</summary>
    public IReadOnlyList<Emoji>? Emojis { get; init; }

    public Mention? Mention { get; init; }

    /// <summary>Required by the spec, but absent from payloads older than quoting.</summary>
    public string? QuoteToken { get; init; }

    /// <summary>Only when this message quotes a past message.</summary>
    public string? QuotedMessageId { get; init; }
}

/// <summary>A LINE emoji inside <see cref="TextMessageContent.Text"/>; index and length count UTF-16 code units.</summary>
public sealed record Emoji
{
    public required int Index { get; init; }

    public required int Length { get; init; }

    public required string ProductId { get; init; }

    public required string EmojiId { get; init; }
}

public sealed record Mention
{
    /// <summary>At most 20.</summary>
    [JsonConverter(typeof(MentioneeListConverter))]
    public required IReadOnlyList<Mentionee> Mentionees { get; init; }
}

/// <summary>A mention inside the text; index and length count UTF-16 code units.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(UserMentionee), "user")]
[JsonDerivedType(typeof(AllMentionee), "all")]
public abstract record Mentionee
{
    public required int Index { get; init; }

    public required int Length { get; init; }
}

public sealed record UserMentionee : Mentionee
{
    /// <summary>Only when the mentioned user consented to share their profile.</summary>
    public string? UserId { get; init; }

    /// <summary>Whether the mentioned user is this bot.</summary>
    public bool? IsSelf { get; init; }
}

/// <summary>@All: the whole group.</summary>
public sealed record AllMentionee : Mentionee;

public sealed record UnknownMentionee : Mentionee, IUnknownVariant
{
    [JsonIgnore]
    public string Type { get; init; } = string.Empty;

    [JsonIgnore]
    public JsonElement Json { get; init; }
}

internal sealed class MentioneeConverter : PolymorphicFallbackConverter<Mentionee>
{
    protected override Mentionee CreateUnknown(string type, JsonElement json, JsonSerializerOptions options) =>
        ReadAs<UnknownMentionee>(json, options) with { Type = type, Json = json };
}

internal sealed class MentioneeListConverter : PolymorphicFallbackListConverter<Mentionee, MentioneeConverter>;
