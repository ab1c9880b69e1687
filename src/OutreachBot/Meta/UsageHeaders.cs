using System.Net.Http.Headers;
using System.Text.Json;

namespace OutreachBot.Meta;

/// <summary>
/// Meta's usage headers (<c>X-App-Usage</c>, <c>X-Page-Usage</c>, <c>X-Business-Use-Case-Usage</c>): the longest
/// <c>estimated_time_to_regain_access</c> (minutes) any of them gives.
/// </summary>
internal static class UsageHeaders
{
    private static readonly string[] Names = ["X-Business-Use-Case-Usage", "X-Page-Usage", "X-App-Usage"];

    public static TimeSpan? RegainAfter(HttpResponseHeaders headers)
    {
        double? minutes = null;
        foreach (var name in Names)
        {
            if (!headers.TryGetValues(name, out var values))
            {
                continue;
            }

            foreach (var value in values)
            {
                try
                {
                    using var json = JsonDocument.Parse(value);
                    minutes = Max(minutes, Longest(json.RootElement));
                }
                catch (JsonException)
                {
                    // A header Meta changed the shape of says nothing usable; the caller's own backoff applies.
                }
            }
        }

        return minutes is { } m ? TimeSpan.FromMinutes(m) : null;
    }

    private static double? Longest(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Aggregate((double?)null, (max, p) =>
            Max(max, p.Name == "estimated_time_to_regain_access" && p.Value.TryGetDouble(out var m) ? m : Longest(p.Value))),
        JsonValueKind.Array => element.EnumerateArray().Aggregate((double?)null, (max, e) => Max(max, Longest(e))),
        _ => null,
    };

    private static double? Max(double? a, double? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);
}
