using System.Text.Json.Serialization;

namespace OutreachBot.Line.Webhooks;

// The things event (LINE Things devices) is not in this webhook.yml snapshot, though an earlier webhook.yml had it;
// the shape follows the SDK models generated from that, so such a payload still parses to a typed record.

/// <summary>A user linked or unlinked a LINE Things device, or a device finished an automatic scenario.</summary>
public sealed record ThingsEvent : WebhookEvent
{
    public string? ReplyToken { get; init; }

    public required ThingsContent Things { get; init; }
}

public sealed record ThingsContent
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public ThingsEventType Type { get; init; }

    public required string DeviceId { get; init; }

    /// <summary>Only for <see cref="ThingsEventType.ScenarioResult"/>.</summary>
    public ScenarioResult? Result { get; init; }
}

[JsonConverter(typeof(TolerantEnumConverter<ThingsEventType>))]
public enum ThingsEventType
{
    Unknown,
    Link,
    Unlink,
    ScenarioResult,
}

public sealed record ScenarioResult
{
    public string? ScenarioId { get; init; }

    public int? Revision { get; init; }

    /// <summary>Milliseconds since the Unix epoch, LINE app time.</summary>
    public required long StartTime { get; init; }

    /// <summary>Milliseconds since the Unix epoch, LINE app time.</summary>
    public required long EndTime { get; init; }

    /// <summary><c>success</c>, <c>gatt_error</c>, <c>runtime_error</c>...</summary>
    public required string ResultCode { get; init; }

    /// <summary>One per action of the scenario, in order; only when <see cref="ResultCode"/> is <c>success</c>.</summary>
    public IReadOnlyList<ThingsActionResult>? ActionResults { get; init; }

    /// <summary>Base64 data of the BLE notification that triggered the scenario.</summary>
    public string? BleNotificationPayload { get; init; }

    public string? ErrorReason { get; init; }
}

/// <remarks>Named apart from ASP.NET Core MVC's <c>ActionResult</c>, which the staff console also imports.</remarks>
public sealed record ThingsActionResult
{
    /// <summary><c>void</c> or <c>binary</c>.</summary>
    public required string Type { get; init; }

    /// <summary>Base64 data, for <c>binary</c>.</summary>
    public string? Data { get; init; }
}
