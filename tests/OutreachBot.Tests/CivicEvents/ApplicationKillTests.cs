using System.Diagnostics;
using OutreachBot.LineEmulator.Api;
using OutreachBot.LineEmulator.Hosting;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.CivicEvents;

/// <summary>
/// The bot as a real process, killed (SIGKILL) after it committed a citizen's seat and while it was still answering
/// them (LINE failing, so the answer waits in its retries): after the restart the seat is still taken, once, and the
/// citizen gets the confirmation with the same number once.
/// </summary>
public abstract class ApplicationKillTests(string provider) : IAsyncLifetime
{
    private const string Citizen = "Ukilledconfirm000000000000000001";

    /// <summary>The answer keeps retrying through LINE's outage, so the process is still answering when it dies.</summary>
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Line:RetryBaseDelay"] = "00:00:01",
        ["Line:MaxRetryDelay"] = "00:00:02",
        ["Line:MaxAttempts"] = "20",
        ["Cluster:InstanceId"] = "the-host",
        ["Conversations:RichMenu:Enabled"] = "false",
    };

    private TestWorld _world = null!;

    public async Task InitializeAsync() => _world = await TestWorld.StartAsync(provider, new EmulatorOptions { ChannelSecret = TestBot.ChannelSecret, MonthlyQuota = null });

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [SkippableFact]
    public async Task Killed_AfterTheSeatIsCommittedBeforeTheAnswer_RestartKeepsTheSeatAndConfirmsOnce()
    {
        var before = await StartAsync("bot-before");
        long id;
        using (var api = before.Client(TestBot.ApiKey))
        {
            id = await ApplicationChatTests.CreateAsync(api, ApplicationChatTests.Seminar(capacity: 5));
        }

        _world.Line.AddFollower(Citizen);
        await PostAsync(before, Follow());
        await PostAsync(before, ApplicationRace.Postback(_world.Line, Citizen, $"v1|apply|{id}", Now()));
        Assert.Contains(Sent.Texts(_world.Line.Transcript.For(Citizen)), t => t.Contains("次の内容で申し込みます", StringComparison.Ordinal));

        _world.Line.Faults.Set(new FaultSettings { ServerError = 1 });
        using (var confirm = await before.PostWebhookAsync(ApplicationRace.Postback(_world.Line, Citizen, $"v1|apply-yes|{id}", Now()), TestBot.ChannelSecret))
        {
            Assert.True(confirm.IsSuccessStatusCode);
        }

        await WaitUntilAsync(async () => await _world.Database.ScalarAsync<long>($"SELECT seats_taken FROM civic_events WHERE id = {id}") == 1, "the seat committed");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1L, await _world.Database.ScalarAsync<long>("SELECT COUNT(*) FROM inbox_events WHERE state = 'pending'"));
        Assert.Empty(Confirmations());

        await before.KillAsync();
        _world.Line.Faults.Clear();
        var after = await StartAsync("bot-after");
        await WaitUntilAsync(() => Task.FromResult(Confirmations().Count > 0), "the confirmation after the restart");
        await ApplicationRace.DrainAsync(() => _world.Database.ScalarAsync<long>("SELECT COUNT(*) FROM inbox_events WHERE state NOT IN ('done', 'skipped')"), TimeSpan.FromSeconds(15));

        Assert.Contains("申込番号：1", Assert.Single(Confirmations()));
        Assert.Equal(1L, await _world.Database.ScalarAsync<long>($"SELECT COUNT(*) FROM event_applications WHERE event_id = {id}"));
        Assert.Equal(1L, await _world.Database.ScalarAsync<long>($"SELECT seats_taken FROM civic_events WHERE id = {id}"));
        Assert.False(after.HasExited, after.Errors());
    }

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private List<string> Confirmations() =>
        [.. Sent.Texts(_world.Line.Transcript.For(Citizen)).Where(t => t.Contains("申し込みが完了しました", StringComparison.Ordinal))];

    private async Task<BotProcess> StartAsync(string name)
    {
        var bot = _world.StartProcess(name, Settings);
        await bot.WaitReadyAsync(TimeSpan.FromSeconds(60));
        return bot;
    }

    /// <summary>Posts a webhook and waits until the bot has handled every event it stored.</summary>
    private async Task PostAsync(BotProcess bot, string body)
    {
        using var response = await bot.PostWebhookAsync(body, TestBot.ChannelSecret);
        Assert.True(response.IsSuccessStatusCode);
        await ApplicationRace.DrainAsync(() => _world.Database.ScalarAsync<long>("SELECT COUNT(*) FROM inbox_events WHERE state NOT IN ('done', 'skipped')"), TimeSpan.FromSeconds(15));
    }

    private string Follow() => WebhookBodies.Body(new Dictionary<string, object?>
    {
        ["type"] = "follow",
        ["mode"] = "active",
        ["timestamp"] = Now(),
        ["source"] = new { type = "user", userId = Citizen },
        ["webhookEventId"] = WebhookBodies.NewEventId(),
        ["deliveryContext"] = new { isRedelivery = false },
        ["replyToken"] = _world.Line.ReplyTokens.Issue(Citizen),
        ["follow"] = new { isUnblocked = false },
    });

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"not reached within 30 s: {what}");
            await Task.Delay(50);
        }
    }
}

public sealed class ApplicationKillTestsOnSqlite() : ApplicationKillTests("Sqlite");

public sealed class ApplicationKillTestsOnPostgres() : ApplicationKillTests("Postgres");
