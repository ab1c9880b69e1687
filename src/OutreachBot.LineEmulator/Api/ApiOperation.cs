using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using OutreachBot.Line.Messaging;

namespace OutreachBot.LineEmulator.Api;

/// <summary>One Messaging API endpoint as the pipeline sees it.</summary>
/// <param name="Schema">The messaging-api.yml schema of the JSON body; null for bodiless or binary requests.</param>
/// <param name="AcceptsRetryKey">Push, multicast, narrowcast and broadcast only; elsewhere a retry key is a 400.</param>
/// <param name="Rate">LINE's per-channel rate: requests per <see cref="RateWindow"/>, enforced when <see cref="Hosting.EmulatorOptions.EnforceRateLimits"/> is on.</param>
internal sealed record ApiOperation(
    string Name, string? Schema, bool AcceptsRetryKey, int Rate, Func<ApiCall, ValueTask<ApiResult>> Handle)
{
    public TimeSpan RateWindow { get; init; } = TimeSpan.FromSeconds(1);
}

/// <summary>A request that passed auth, retry key and schema checks.</summary>
internal sealed record ApiCall(HttpContext Http, string RequestId, byte[] Body, JsonElement Json, Guid? RetryKey)
{
    public string Route(string name) => Http.Request.RouteValues[name]?.ToString() ?? "";

    public string? Query(string name) => Http.Request.Query.TryGetValue(name, out var value) ? value.ToString() : null;

    public string? RetryKeyText { get; } = RetryKey?.ToString("D");
}

internal sealed record ApiResult(int Status, byte[] Body, string ContentType = "application/json")
{
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public bool IsSuccess => Status is >= 200 and < 300;

    public static ApiResult Ok(int status = StatusCodes.Status200OK) => new(status, EmptyObject);

    public static ApiResult Json<T>(T value, JsonTypeInfo<T> typeInfo, int status = StatusCodes.Status200OK) =>
        new(status, JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));

    public static ApiResult Raw(string json, int status = StatusCodes.Status200OK) => new(status, Encoding.UTF8.GetBytes(json));

    public static ApiResult Error(int status, string message, IReadOnlyList<LineErrorDetail>? details = null) =>
        Json(new LineErrorResponse(message, details is { Count: > 0 } ? details : null), LineJsonContext.Default.LineErrorResponse, status);

    public static ApiResult NotFound() => Error(StatusCodes.Status404NotFound, "Not found");
}
