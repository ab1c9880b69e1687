using System.Globalization;
using OutreachBot.Broadcasts;
using OutreachBot.Broadcasts.Fanout;
using OutreachBot.Broadcasts.Scheduling;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Broadcasts;

/// <summary>A month in <c>Bot:TimeZone</c>: one-offs on their day, each firing of a cron broadcast (done and to come).</summary>
public sealed class CalendarModel(BroadcastStore store, RunStore runs, ConsoleClock clock) : ConsolePage
{
    public DateOnly Month { get; private set; }

    public ILookup<DateOnly, CalendarEntry> Entries { get; private set; } = Array.Empty<CalendarEntry>().ToLookup(e => e.Day);

    public DateOnly Today => clock.Today;

    public async Task OnGetAsync(string? month)
    {
        Month = DateOnly.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var chosen)
            ? chosen
            : new DateOnly(clock.Today.Year, clock.Today.Month, 1);
        var from = Instant(Month);
        var to = Instant(Month.AddMonths(1));
        var entries = new List<CalendarEntry>();
        foreach (var b in await store.ForCalendarAsync(from, to, HttpContext.RequestAborted))
        {
            var history = await runs.ForBroadcastAsync(b.Id, 400, HttpContext.RequestAborted);
            var fired = history.Where(r => r.Occurrence >= from && r.Occurrence < to).ToList();
            entries.AddRange(fired.Select(r => Entry(b, r.Occurrence, r.Status)));
            if (b.State == BroadcastState.Scheduled && b.Schedule.Recurring && CronSchedules.TryParse(b.Schedule.Cron, clock.Zone, out var cron))
            {
                var now = clock.UtcNow;
                var after = now > from.AddMilliseconds(-1) ? now : from.AddMilliseconds(-1);
                entries.AddRange(CronSchedules.Next(cron!, after, 62).TakeWhile(t => t < to).Select(t => Entry(b, t, "scheduled")));
            }
            else if (!b.Schedule.Recurring && fired.Count == 0 && b.Schedule.SendAt is { } at && at >= from && at < to)
            {
                entries.Add(Entry(b, at, BroadcastNames.Of(b.State)));
            }
        }

        Entries = entries.OrderBy(e => e.At).ToLookup(e => e.Day);
    }

    /// <summary>The weeks shown, Sunday first, as a Japanese wall calendar has them.</summary>
    public IEnumerable<DateOnly[]> Weeks()
    {
        var start = Month.AddDays(-(int)Month.DayOfWeek);
        for (var week = start; week < Month.AddMonths(1); week = week.AddDays(7))
        {
            yield return [.. Enumerable.Range(0, 7).Select(week.AddDays)];
        }
    }

    private CalendarEntry Entry(Broadcast b, DateTimeOffset at, string status)
    {
        var local = TimeZoneInfo.ConvertTime(at, clock.Zone);
        return new CalendarEntry(DateOnly.FromDateTime(local.DateTime), at, local.ToString("HH:mm", CultureInfo.InvariantCulture), b.Id, b.Title, status);
    }

    private DateTimeOffset Instant(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, clock.Zone.GetUtcOffset(local));
    }
}

public sealed record CalendarEntry(DateOnly Day, DateTimeOffset At, string Time, long Id, string Title, string Status);
