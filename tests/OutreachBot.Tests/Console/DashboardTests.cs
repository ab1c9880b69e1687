using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.LineEmulator.Hosting;
using OutreachBot.Staff;
using OutreachBot.StaffConsole;
using OutreachBot.Subscriptions;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.StaffConsole;

public abstract class DashboardTests(string provider) : ConsoleHost(provider)
{
    [SkippableFact]
    public async Task Dashboard_FollowsAndSubscriptions_ShowsTheirCounts()
    {
        var citizens = Bot.Services.GetRequiredService<CitizenStore>();
        var subscriptions = Bot.Services.GetRequiredService<SubscriptionStore>();
        var volunteer = (await Bot.Services.GetRequiredService<TopicStore>().FindAsync("volunteer", default))!;
        var now = DateTimeOffset.UtcNow;
        foreach (var user in new[] { "U1", "U2", "U3" })
        {
            await citizens.FollowAsync(user, "ja", null, now, default);
            await subscriptions.SubscribeAsync(user, volunteer.Id, now, default);
        }

        await citizens.UnfollowAsync("U3", now, default);
        using var viewer = await ConsoleSession.SignedInAsync(Bot, StaffRole.Viewer);

        var html = await viewer.GetPageAsync("/console");

        Assert.Contains("data-testid=\"followers-now\">2<", html);
        Assert.Contains("data-testid=\"follows-today\">3<", html);
        Assert.Contains("data-testid=\"unfollows-today\">1<", html);
        Assert.Contains("data-testid=\"follows-month\">3<", html);
        Assert.Matches("<th scope=\"row\">ボランティア募集</th><td class=\"num\">2</td>", html);
        Assert.Contains("<polyline", html);
    }

    [SkippableFact]
    public async Task Dashboard_LineUnreachable_SaysTheQuotaIsUnavailable()
    {
        using var viewer = await ConsoleSession.SignedInAsync(Bot, StaffRole.Viewer);

        var html = await viewer.GetPageAsync("/console");

        Assert.Contains("取得できません", html);
        Assert.Contains("LINEに接続できません", html);
    }

    [SkippableFact]
    public async Task Dashboard_ParkedEvents_CountsThemAndTheListRetriesOne()
    {
        using (Bot.CreateClient())
        {
            // started: the schema exists
        }

        var no = Database.Provider == "Postgres" ? "FALSE" : "0";
        await Database.ExecuteAsync(
            $$"""
            INSERT INTO inbox_events (webhook_event_id, event_type, event_timestamp, is_redelivery, payload, received_at, state, attempts, next_attempt_at, last_error)
            VALUES ('01PARKED', 'message', 1, {{no}}, '{}', 1, 'parked', 6, 1, '<script>alert("x")</script> handler failed')
            """);
        using var editor = await ConsoleSession.SignedInAsync(Bot, StaffRole.Editor);

        Assert.Contains("data-testid=\"parked-count\">1<", await editor.GetPageAsync("/console"));
        var list = await editor.GetPageAsync("/console/parked");
        Assert.Contains("&lt;script&gt;", list);
        Assert.DoesNotContain("<script>alert", list);
        var id = await Database.ScalarAsync<long>("SELECT id FROM inbox_events WHERE webhook_event_id = '01PARKED'");

        using var retry = await editor.PostFormAsync("/console/parked?handler=Retry", new() { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/console/parked");

        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        await WaitUntilAsync(async () => await Database.ScalarAsync<string>("SELECT state FROM inbox_events WHERE id = " + id) != "parked");
        Assert.Equal(1, await CountAuditAsync(AuditActions.ParkedEventRetried, "editor-user"));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!await condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}

public sealed class DashboardTestsOnSqlite() : DashboardTests("Sqlite");

public sealed class DashboardTestsOnPostgres() : DashboardTests("Postgres");

/// <summary>The quota as LINE (here the emulator) reports it.</summary>
public sealed class DashboardQuotaTests : IAsyncLifetime
{
    private TestWorld _world = null!;
    private TestBot _bot = null!;

    public async Task InitializeAsync()
    {
        _world = await TestWorld.StartAsync("Sqlite", new EmulatorOptions { MonthlyQuota = 1000 });
        _world.Line.AddFollower("U0123456789abcdef0123456789abcdef");
        _bot = _world.CreateBot(services: RecordingHandler.Register);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Dashboard_LineAnswers_ShowsTheMonthsQuotaUsedAndLeft()
    {
        var line = _bot.Services.GetRequiredService<OutreachBot.Line.Messaging.LineMessagingClient>();
        await line.PushAsync("U0123456789abcdef0123456789abcdef", [new OutreachBot.Line.Messaging.TextMessage("テスト")]);
        using var viewer = await ConsoleSession.SignedInAsync(_bot, StaffRole.Viewer);

        var html = await viewer.GetPageAsync("/console");

        Assert.Contains("1 <span class=\"of\">/ 1,000</span>", html);
        Assert.Contains("999", html);
    }
}
