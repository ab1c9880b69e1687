using System.Text.Json.Serialization;

namespace OutreachBot.Line.Webhooks;

/// <summary>A user linked (or failed to link) their LINE account with an account of the provider's service.</summary>
public sealed record AccountLinkEvent : WebhookEvent
{
    /// <summary>Absent when linking failed.</summary>
    public string? ReplyToken { get; init; }

    public required LinkContent Link { get; init; }
}

public sealed record LinkContent
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public LinkResult Result { get; init; }

    /// <summary>The nonce the provider issued when it started the linking.</summary>
    public required string Nonce { get; init; }
}

[JsonConverter(typeof(TolerantEnumConverter<LinkResult>))]
public enum LinkResult
{
    Unknown,
    Ok,
    Failed,
}
