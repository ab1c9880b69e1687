using System.Text.Json.Serialization;

namespace OutreachBot.Line.Webhooks;

public sealed record ImageMessageContent : MessageContent
{
    /// <summary>Required by the spec, but absent from some older payloads.</summary>
    public ContentProvider? ContentProvider { get; init; }

    /// <summary>Only when several images were sent at once.</summary>
    public ImageSet? ImageSet { get; init; }

    /// <summary>Required by the spec, but absent from payloads older than quoting.</summary>
    public string? QuoteToken { get; init; }
}

public sealed record ImageSet
{
    public required string Id { get; init; }

    /// <summary>1-based position in the set; absent from LINE for Android 11.15 and earlier.</summary>
    public int? Index { get; init; }

    public int? Total { get; init; }
}

public sealed record VideoMessageContent : MessageContent
{
    /// <summary>Milliseconds.</summary>
    public long? Duration { get; init; }

    /// <summary>Required by the spec, but absent from some older payloads.</summary>
    public ContentProvider? ContentProvider { get; init; }

    /// <summary>Required by the spec, but absent from payloads older than quoting.</summary>
    public string? QuoteToken { get; init; }
}

public sealed record AudioMessageContent : MessageContent
{
    /// <summary>Milliseconds.</summary>
    public long? Duration { get; init; }

    /// <summary>Required by the spec, but absent from some older payloads.</summary>
    public ContentProvider? ContentProvider { get; init; }
}

public sealed record FileMessageContent : MessageContent
{
    public required string FileName { get; init; }

    /// <summary>Bytes.</summary>
    public required long FileSize { get; init; }
}

/// <summary>Where the media lives: on LINE (fetch it from the data API by message id) or at the sender's URLs.</summary>
public sealed record ContentProvider
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public ContentProviderType Type { get; init; }

    /// <summary>Only when <see cref="Type"/> is <see cref="ContentProviderType.External"/>.</summary>
    public Uri? OriginalContentUrl { get; init; }

    /// <summary>Only when <see cref="Type"/> is <see cref="ContentProviderType.External"/>.</summary>
    public Uri? PreviewImageUrl { get; init; }
}

[JsonConverter(typeof(TolerantEnumConverter<ContentProviderType>))]
public enum ContentProviderType
{
    Unknown,
    Line,
    External,
}
