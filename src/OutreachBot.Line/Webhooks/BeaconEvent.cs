using System.Text.Json.Serialization;

namespace OutreachBot.Line.Webhooks;

/// <summary>A user came within range of a LINE Beacon.</summary>
public sealed record BeaconEvent : WebhookEvent
{
    public required string ReplyToken { get; init; }

    public required BeaconContent Beacon { get; init; }
}

public sealed record BeaconContent
{
    /// <summary>Hardware ID of the beacon.</summary>
    public required string Hwid { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public BeaconEventType Type { get; init; }

    /// <summary>Device message of the beacon, when it sends one.</summary>
    public string? Dm { get; init; }
}

[JsonConverter(typeof(TolerantEnumConverter<BeaconEventType>))]
public enum BeaconEventType
{
    Unknown,
    Enter,
    Banner,
    Stay,
}
