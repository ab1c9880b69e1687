using System.Diagnostics;
using System.Globalization;
using OutreachBot.LineEmulator.Api;
using OutreachBot.LineEmulator.Hosting;
using OutreachBot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OutreachBot.Tests.Webhook;

/// <summary>
/// The bot as real processes, killed (SIGKILL) while it handles acknowledged follows during a LINE outage: every
/// follower is greeted within seconds of the restart (SQLite, or PostgreSQL under the same instance id) or of the
/// death (a PostgreSQL cluster), although the
/// claim lease (<c>Inbox:ClaimLease</c>) keeps its default of three minutes.
/// </summary>
public sealed class RecoveryTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Followers = 10;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    /// <summary>A LINE call keeps retrying through the whole outage, so the events stay claimed while it lasts.</summary>
    private static readonly Dictionary<string, string?> RetryThroughTheOutage = new()
    {
        ["Line:RetryBaseDelay"] = "00:00:01",
        ["Line:MaxRetryDelay"] = "00:00:02",
        ["Line:MaxAttempts"] = "20",
    };

    private TestWorld? _world;

    [SkippableFact]
    public Task Sqlite_ProcessKilledMidHandlingDuringLineOutage_RestartGreetsEveryFollowerOnceWithinTenSeconds() =>
        KillAndRestartAsync("Sqlite", RetryThroughTheOutage);

    /// <summary>A host restarted under its own <c>Cluster:InstanceId</c>, as the systemd unit does, before any other instance saw it dead.</summary>
    [SkippableFact]
    public Task Postgres_ProcessKilledMidHandlingDuringLineOutage_RestartUnderItsOwnIdGreetsEveryFollowerOnceWithinTenSeconds() =>
        KillAndRestartAsync("Postgres", Node("the-host"));

    private async Task KillAndRestartAsync(string provider, Dictionary<string, string?> settings)
    {
        _world = await TestWorld.StartAsync(provider, new EmulatorOptions { MonthlyQuota = null });
        var bot = await StartAsync("bot-before", settings);
        var followers = await FollowDuringOutageAsync(bot);
        await WaitUntilAsync(async () => await ClaimedAsync() == Followers, "every follow claimed", inbox: true);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Empty(Greeted(followers));
        Assert.Equal(Followers, await ClaimedAsync());

        await bot.KillAsync();
        _world.Line.Faults.Clear();
        var restart = Stopwatch.StartNew();
        var restarted = await StartAsync("bot-after", settings);
        var ready = restart.Elapsed;
        var sinceReady = Stopwatch.StartNew();
        await WaitUntilAsync(() => Task.FromResult(Greeted(followers).Count == Followers), "every follower greeted", TimeSpan.FromSeconds(60));
        output.WriteLine($"restart to ready {ready.TotalSeconds:0.0} s; ready to every follower greeted {sinceReady.Elapsed.TotalSeconds:0.0} s");

        Assert.True(sinceReady.Elapsed < Budget, $"the last follower was greeted {sinceReady.Elapsed} after the restart; {restarted.Errors()}");
        Assert.All(followers, f => Assert.Equal(1, Greeted(followers).GetValueOrDefault(f)));
    }

    [SkippableFact]
    public async Task Postgres_NodeKilledMidHandlingDuringLineOutage_OtherNodeGreetsItsFollowersOnceWithinTenSecondsOfTheDeath()
    {
        _world = await TestWorld.StartAsync("Postgres", new EmulatorOptions { MonthlyQuota = null });
        var nodeA = await StartAsync("node-a", Node("node-a"));
        var followers = await FollowDuringOutageAsync(nodeA);
        await WaitUntilAsync(async () => await ClaimedAsync("node-a") == Followers, "every follow claimed by node-a", inbox: true);

        // node-b watches node-a alive for several check-ins and must leave its claims alone.
        var nodeB = await StartAsync("node-b", Node("node-b"));
        await WaitUntilAsync(
            async () => await _world.Database.ScalarAsync<long>("SELECT COUNT(*) FROM qrtz_scheduler_state WHERE instance_name = 'node-b'") == 1,
            "node-b checked in");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(Followers, await ClaimedAsync("node-a"));
        Assert.Empty(Greeted(followers));

        await nodeA.KillAsync();
        var death = Stopwatch.StartNew();
        _world.Line.Faults.Clear();
        await WaitUntilAsync(() => Task.FromResult(Greeted(followers).Count == Followers), "every follower greeted", TimeSpan.FromSeconds(60));
        output.WriteLine($"death to every follower greeted {death.Elapsed.TotalSeconds:0.0} s");

        Assert.True(death.Elapsed < Budget, $"the last follower was greeted {death.Elapsed} after node-a died; {nodeB.Errors()}");
        Assert.All(followers, f => Assert.Equal(1, Greeted(followers).GetValueOrDefault(f)));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_world is not null)
        {
            await _world.DisposeAsync();
        }
    }

    private static Dictionary<string, string?> Node(string name) => new(RetryThroughTheOutage)
    {
        ["Cluster:InstanceId"] = name,
        ["Cluster:CheckinInterval"] = "00:00:01",
        ["Cluster:CheckinMisfireThreshold"] = "00:00:01",
    };

    private async Task<BotProcess> StartAsync(string name, Dictionary<string, string?> settings)
    {
        var bot = _world!.StartProcess(name, settings);
        await bot.WaitReadyAsync(TimeSpan.FromSeconds(60));
        return bot;
    }

    /// <summary>
    /// LINE answers 500 to everything; meanwhile ten citizens follow, in one webhook as LINE may deliver them, and the
    /// bot acknowledges it. One webhook, so that one claim takes them all while the outage lasts.
    /// </summary>
    private async Task<IReadOnlyList<string>> FollowDuringOutageAsync(BotProcess bot)
    {
        _world!.Line.Faults.Set(new FaultSettings { ServerError = 1 });
        var followers = Enumerable.Range(0, Followers).Select(i => $"U{i + 0xF00:x32}").ToList();
        foreach (var userId in followers)
        {
            _world.Line.AddFollower(userId);
        }

        using var acknowledged = await bot.PostWebhookAsync(WebhookBodies.Body([.. followers.Select(FollowEvent)]), TestBot.ChannelSecret);
        Assert.True(acknowledged.IsSuccessStatusCode, $"the follows were answered {acknowledged.StatusCode}");
        return followers;
    }

    private object FollowEvent(string userId) => new
    {
        type = "follow",
        mode = "active",
        timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        source = new { type = "user", userId },
        webhookEventId = WebhookBodies.NewEventId(),
        deliveryContext = new { isRedelivery = false },
        replyToken = _world!.Line.ReplyTokens.Issue(userId),
        follow = new { isUnblocked = false },
    };

    /// <summary>How many follows are claimed now (by <paramref name="instance"/> when given) and not yet handled.</summary>
    private Task<long> ClaimedAsync(string? instance = null) => _world!.Database.ScalarAsync<long>(
        $"""
        SELECT COUNT(*) FROM inbox_events
        WHERE event_type = 'follow' AND state = 'pending' AND claimed_until > {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}
        {(instance is null ? "" : $"AND claimed_by = '{instance}'")}
        """);

    /// <summary>Messages delivered to each of <paramref name="followers"/> that got any, by reply or push.</summary>
    private Dictionary<string, int> Greeted(IReadOnlyList<string> followers) => _world!.Line.Journal.Deliveries
        .Where(d => d.Via is "reply" or "push" && followers.Contains(d.Recipient))
        .GroupBy(d => d.Recipient)
        .ToDictionary(g => g.Key, g => g.Count());

    private async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null, bool inbox = false)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > (timeout ?? TimeSpan.FromSeconds(30)))
            {
                var concat = _world!.Database.Provider == "Postgres" ? "string_agg" : "group_concat";
                var states = inbox ? await _world.Database.ScalarAsync<string>(
                    $"SELECT {concat}(state || ' ' || COALESCE(claimed_by, '') || ' ' || attempts || ' ' || COALESCE(last_error, ''), ' | ') FROM inbox_events") : "";
                Assert.Fail($"not reached in time: {what}; {states}");
            }

            await Task.Delay(20);
        }
    }
}
