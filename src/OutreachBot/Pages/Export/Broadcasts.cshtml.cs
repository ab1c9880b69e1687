using Microsoft.AspNetCore.Mvc;
using OutreachBot.Broadcasts;
using OutreachBot.Broadcasts.Authoring;
using OutreachBot.Broadcasts.Fanout;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Export;

/// <summary><c>GET /console/export/broadcasts.csv</c>: every broadcast's results, newest first.</summary>
public sealed class BroadcastsModel(BroadcastReader reader, RunStore runs, ConsoleClock clock) : ConsolePage
{
    private const int PageSize = 200;

    public async Task<IActionResult> OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var rows = new List<(Broadcast, IReadOnlyList<RunSummary>, string)>();
        long? before = null;
        while (true)
        {
            var page = await reader.ListAsync(PageSize, before, cancellationToken);
            foreach (var view in page)
            {
                rows.Add((view.Source, await runs.ForBroadcastAsync(view.Id, 10_000, cancellationToken), view.Status));
            }

            if (page.Count < PageSize)
            {
                break;
            }

            before = page[^1].Id;
        }

        return File(BroadcastCsv.Write(rows, clock), "text/csv; charset=utf-8", $"broadcasts_{clock.Today:yyyy-MM-dd}.csv");
    }
}
