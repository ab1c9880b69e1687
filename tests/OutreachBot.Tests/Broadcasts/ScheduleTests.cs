using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OutreachBot.Broadcasts;
using OutreachBot.Broadcasts.Fanout;
using OutreachBot.Broadcasts.Scheduling;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Broadcasts;

public abstract class ScheduleTests(string provider) : IAsyncLifetime
{
    // Monday 16 November 2026, 12:00 in Japan.
    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 12, 0, 0, TimeSpan.FromHours(9));
    private readonly FakeTimeProvider _clock = new(Monday);
    private readonly TestEvents _events = new();
    private BroadcastHarness _h = null!;

    public async Task InitializeAsync() => _h = await BroadcastHarness.StartAsync(provider, services: s =>
    {
        s.AddSingleton<TimeProvider>(_clock);
        s.AddSingleton<ICivicEventCalendar>(_events);
        s.AddSingleton<IEventReminderList>(_events);
    });

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task<RunStart?> FireAsync(long id, DateTimeOffset? scheduled, CancellationToken cancellationToken)
    {
        using var scope = _h.Bot.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<BroadcastJob>().FireAsync(id, scheduled, cancellationToken);
    }

    private Task<DateTimeOffset?> NextFireAsync(long id) => _h.Get<BroadcastScheduling>().NextFireAsync(id, default);

    [SkippableFact]
    public async Task OneOff_AtWithoutOffset_ReadAsJapanTimeAndStoredUtc()
    {
        var id = await _h.CreateAsync(BroadcastHarness.Broadcast("volunteer", new { at = "2026-11-20T10:00" }));

        Assert.Equal(new DateTimeOffset(2026, 11, 20, 1, 0, 0, TimeSpan.Zero), await NextFireAsync(id));
        Assert.Equal("2026-11-20T10:00:00+09:00", (await _h.GetAsync(id))["schedule"]!["at"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Cron_WeeklyDigest_FiresMondaysAtTenJapanTime()
    {
        var id = await _h.CreateAsync(BroadcastHarness.Broadcast("volunteer", new { cron = "0 0 10 ? * MON" }));

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero), await NextFireAsync(id));
    }

    [SkippableFact]
    public async Task BeforeEvent_ThreeHoursBefore_FiresThreeHoursBeforeTheStart()
    {
        _events.Add(new CivicEventInfo("ev-1", new DateTimeOffset(2026, 11, 21, 14, 0, 0, TimeSpan.FromHours(9)), new Dictionary<string, string> { ["ja"] = "清掃活動" }));

        var id = await _h.CreateAsync(BroadcastHarness.Broadcast("volunteer", new { beforeEvent = new { eventId = "ev-1", offset = "PT3H" } }));

        Assert.Equal(new DateTimeOffset(2026, 11, 21, 2, 0, 0, TimeSpan.Zero), await NextFireAsync(id));
    }

    [SkippableFact]
    public async Task Reminder_EventWithRemindMe_ScheduledLeadTimeBeforeAndSentToThoseWhoAsked()
    {
        var asked = await _h.SeedAsync("events", 3);
        await _h.SeedAsync("events", 2, prefix: "Unot");
        _events.Add(new CivicEventInfo("ev-2", new DateTimeOffset(2026, 11, 18, 14, 0, 0, TimeSpan.FromHours(9)), new Dictionary<string, string> { ["ja"] = "防災訓練", ["en"] = "Drill" }, "市民会館"), asked);

        var id = (await _h.Get<EventReminders>().EnsureAsync("ev-2", default))!.Value;
        var due = await NextFireAsync(id);
        _clock.SetUtcNow(due!.Value);
        // Quartz may fire it itself now that the clock is there; firing it directly as well must not make a second run.
        await FireAsync(id, due, default);
        var view = await _h.WaitForStatusAsync(id, "sent");
        var runs = await _h.Get<RunStore>().ForBroadcastAsync(id, 10, default);

        Assert.Equal(new DateTimeOffset(2026, 11, 17, 5, 0, 0, TimeSpan.Zero), due);
        Assert.Equal(3, Assert.Single(runs).Targeted);
        Assert.Equal(asked.Order(), _h.MulticastCounts().Keys.Order());
        Assert.Equal(3, view.Number("accepted"));
    }

    [SkippableFact]
    public async Task Misfire_OneOffInsideGrace_SentAtStartUp_OlderOneMarkedMissed()
    {
        await _h.SeedAsync("volunteer", 2);
        var late = await _h.CreateAsync(BroadcastHarness.Broadcast("volunteer", new { at = "2026-11-16T13:00" }));
        var lost = await _h.CreateAsync(BroadcastHarness.Broadcast("volunteer", new { at = "2026-11-16T12:30" }));
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 16, 13, 10, 0, TimeSpan.FromHours(9)));

        await FireAsync(late, null, default);
        await FireAsync(lost, null, default);

        Assert.Equal(2, (await _h.WaitForStatusAsync(late, "sent")).Number("accepted"));
        var missed = await _h.GetAsync(lost);
        Assert.Equal("missed", missed.Text("status"));
        Assert.Contains("grace", missed.Text("reason"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Misfire_CronDownForAWeek_OldOccurrenceMissedAndLatestInsideGraceSentOnce()
    {
        await _h.SeedAsync("volunteer", 2);
        var id = await _h.CreateAsync(BroadcastHarness.Broadcast("volunteer", new { cron = "0 0 10 ? * MON" }));
        // Down from Monday noon until the Monday after next, 10:05: the 23rd was missed, the 30th is 5 minutes late.
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 10, 5, 0, TimeSpan.FromHours(9)));

        await FireAsync(id, null, default);
        await FireAsync(id, null, default);
        var runs = (await _h.Get<RunStore>().ForBroadcastAsync(id, 10, default)).ToList();

        Assert.Equal(["sending", "missed"], runs.Select(r => r.Status == "sent" ? "sending" : r.Status));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero), runs[0].Occurrence);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero), runs[1].Occurrence);
    }

    private sealed class TestEvents : ICivicEventCalendar, IEventReminderList
    {
        private readonly Dictionary<string, (CivicEventInfo Info, IReadOnlyList<string> Asked)> _events = [];

        public void Add(CivicEventInfo info, IReadOnlyList<string>? asked = null) => _events[info.Id] = (info, asked ?? []);

        public Task<CivicEventInfo?> FindAsync(string eventId, CancellationToken cancellationToken) =>
            Task.FromResult(_events.TryGetValue(eventId, out var e) ? e.Info : null);

        public async IAsyncEnumerable<Recipient> StreamAsync(string eventId, string? after, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            foreach (var userId in (_events.TryGetValue(eventId, out var e) ? e.Asked : []).Where(u => after is null || string.CompareOrdinal(u, after) > 0).Order(StringComparer.Ordinal))
            {
                yield return new Recipient(userId, "ja");
            }
        }
    }
}

public sealed class ScheduleTestsOnSqlite() : ScheduleTests("Sqlite");

public sealed class ScheduleTestsOnPostgres() : ScheduleTests("Postgres");
