using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Broadcasts.Fanout;
using OutreachBot.Broadcasts.Scheduling;
using OutreachBot.Tests.Broadcasts;

namespace OutreachBot.Tests.Scheduler;

/// <summary>
/// The machine's clock jumps an hour around a scheduled broadcast: Quartz and the bot read the one clock in the
/// container, so the trigger fires by that clock, and the broadcast goes to each recipient exactly once.
/// </summary>
public abstract class ClockJumpTests(string provider) : IAsyncLifetime
{
    private static readonly TimeSpan Japan = TimeSpan.FromHours(9);

    private readonly WallClock _clock = new();
    private BroadcastHarness _h = null!;

    /// <summary>A trigger a forward jump made late is a misfire to Quartz, which its misfire handler fires on its next round (every minute).</summary>
    private static TimeSpan QuartzIdleWait => TimeSpan.FromSeconds(100);

    public async Task InitializeAsync() => _h = await BroadcastHarness.StartAsync(provider, services: s => s.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [SkippableFact]
    public async Task ClockJumpsAnHourForwardPastTheSendTime_QuartzFiresItOnceAndEachRecipientGetsItOnce()
    {
        var citizens = await _h.SeedAsync("volunteer", 3);
        _clock.Set(new DateTimeOffset(2026, 11, 16, 12, 25, 0, Japan));
        var id = await _h.CreateAsync(BroadcastHarness.Broadcast("volunteer", new { at = "2026-11-16T13:20" }));

        _clock.Jump(TimeSpan.FromHours(1));

        await _h.WaitForStatusAsync(id, "sent", QuartzIdleWait);
        await FireAgainAsync(id);
        await AssertSentOnceAsync(id, citizens);
    }

    [SkippableFact]
    public async Task ClockJumpsAnHourBackAfterTheSendTime_ThePassingAgainSendsNothingMore()
    {
        var citizens = await _h.SeedAsync("volunteer", 3);
        _clock.Set(new DateTimeOffset(2026, 11, 16, 12, 29, 58, Japan));
        var id = await _h.CreateAsync(BroadcastHarness.Broadcast("volunteer", new { at = "2026-11-16T12:30" }));
        await _h.WaitForStatusAsync(id, "sent", QuartzIdleWait);

        _clock.Jump(TimeSpan.FromHours(-1));
        _clock.Jump(TimeSpan.FromMinutes(61));

        await FireAgainAsync(id);
        await AssertSentOnceAsync(id, citizens);
    }

    /// <summary>What a second firing of the same occurrence would do (Quartz's misfire handling, the fired-broadcast sweep).</summary>
    private async Task FireAgainAsync(long id)
    {
        using var scope = _h.Bot.Services.CreateScope();
        Assert.False((await scope.ServiceProvider.GetRequiredService<BroadcastJob>().FireAsync(id, null, default))?.Created ?? false);
    }

    private async Task AssertSentOnceAsync(long id, IReadOnlyList<string> citizens)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        var run = Assert.Single(await _h.Get<RunStore>().ForBroadcastAsync(id, 10, default));
        Assert.Equal(3, run.Targeted);
        Assert.Equal(citizens.Order(), _h.MulticastCounts().Keys.Order());
        Assert.All(_h.MulticastCounts().Values, count => Assert.Equal(1, count));
    }
}

/// <summary>The machine's wall clock, set and jumped by a test: time goes on as real time does, from wherever it was put.</summary>
internal sealed class WallClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Set(DateTimeOffset now) => Jump(now - GetUtcNow());

    public void Jump(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}

public sealed class ClockJumpTestsOnSqlite() : ClockJumpTests("Sqlite");

public sealed class ClockJumpTestsOnPostgres() : ClockJumpTests("Postgres");
