using Microsoft.AspNetCore.Mvc;
using OutreachBot.StaffConsole;
using OutreachBot.Subscriptions;

namespace OutreachBot.Pages.Export;

/// <summary><c>GET /console/export/subscribers.csv?from=&amp;to=</c>: the CSV, or the period's errors.</summary>
public sealed class SubscribersModel(SubscriberStats stats, TopicStore topics) : ExportPeriodPage
{
    public async Task<IActionResult> OnGetAsync(string? from, string? to)
    {
        var period = ParsePeriod(from, to);
        if (period is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var (first, last) = period.Value;
        var rows = await stats.PerTopicPerDayAsync(first, last, HttpContext.RequestAborted);
        var all = await topics.ListAsync(includeArchived: true, HttpContext.RequestAborted);
        var csv = SubscriberCsv.Write(rows, all, first, last);
        return File(csv, "text/csv; charset=utf-8", $"subscribers_{first:yyyy-MM-dd}_{last:yyyy-MM-dd}.csv");
    }
}
