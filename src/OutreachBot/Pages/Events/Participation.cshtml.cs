using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using OutreachBot.CivicEvents.Applications;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Events;

/// <summary>
/// Participants per month, the KPI the city's plans count: each event of the month with people applied, attended, no-shows
/// and its average rating, and the month's totals; the same as CSV. Figures only, so every staff member may read it.
/// </summary>
public sealed class ParticipationModel(ParticipationStats stats, ConsoleClock clock) : ConsolePage
{
    public MonthParticipation Month { get; private set; } = null!;

    public DateOnly Shown { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? month) => await LoadAsync(month) ?? Page();

    /// <summary><c>?handler=Csv&amp;month=</c>: the month as CSV for Excel.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? month) =>
        await LoadAsync(month) ?? File(ParticipationCsv.Write(Month, clock.Zone), "text/csv; charset=utf-8", $"participants_{Month.Month}.csv");

    public string MonthLink(int offset) => Shown.AddMonths(offset).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private async Task<IActionResult?> LoadAsync(string? month)
    {
        var today = clock.Today;
        if (month is null)
        {
            Shown = new DateOnly(today.Year, today.Month, 1);
        }
        else if (EventStatsApi.ParseMonth(month) is { } asked)
        {
            Shown = asked;
        }
        else
        {
            return BadRequest();
        }

        Month = await stats.MonthAsync(Shown.Year, Shown.Month, HttpContext.RequestAborted);
        return null;
    }
}
