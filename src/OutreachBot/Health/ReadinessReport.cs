using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OutreachBot.Health;

/// <summary>
/// The <c>/readyz</c> body: <c>{"status": "Unhealthy", "failing": ["fanout"], "checks": {"fanout": {"status", "description", ...}}}</c>,
/// so that whoever is paged sees which part failed. Descriptions name parts and times only, never data or secrets.
/// </summary>
internal static class ReadinessReport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var body = new
        {
            status = report.Status.ToString(),
            failing = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => e.Key).ToArray(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data.Count == 0 ? null : e.Value.Data }),
        };
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }
}
