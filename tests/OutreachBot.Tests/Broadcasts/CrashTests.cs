using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OutreachBot.LineEmulator.Hosting;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Broadcasts;

/// <summary>The bot as its own process (its real build, <c>dotnet OutreachBot.dll</c>), killed mid-fan-out and started again.</summary>
public abstract class CrashTests(string provider) : IAsyncLifetime
{
    private const string ApiKey = TestBot.ApiKey;
    private TestWorld _world = null!;
    private TestDatabase _database = null!;
    private LineEmulatorServer _line = null!;

    public async Task InitializeAsync()
    {
        _world = await TestWorld.StartAsync(provider, new EmulatorOptions { MonthlyQuota = null });
        _database = _world.Database;
        _line = _world.Line;
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [SkippableFact]
    public async Task Fanout_ProcessKilledMidSend_RestartDeliversToEveryoneExactlyOnce()
    {
        var audience = new BulkAudience(300);
        var bot = await StartBotAsync();
        try
        {
            await audience.SeedAsync(_database, _line, "volunteer");
            var id = await CreateBroadcastAsync(bot);

            var clock = Stopwatch.StartNew();
            while (Delivered() < 60 && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(5);
            }

            await bot.KillAsync();
            var atKill = Delivered();
            Assert.InRange(atKill, 60, 299);

            await bot.DisposeAsync();
            bot = await StartBotAsync();
            Assert.Equal("sent", await WaitForSentAsync(bot, id, clock));
            ExactlyOnce.Verify(ExactlyOnce.MulticastCounts(_line), audience.Recipients);
        }
        finally
        {
            await bot.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task Fanout_ProcessKilledMidSnapshot_RestartResumesAndDeliversToEveryoneExactlyOnce()
    {
        var audience = new BulkAudience(60_000);
        var snapshotInChunks = new Dictionary<string, string>
        {
            ["Broadcasts__BatchSize"] = "100",
            ["Broadcasts__SnapshotChunk"] = "100",
            ["Broadcasts__MulticastPerSecond"] = "0",
            ["Broadcasts__MaxInFlight"] = "8",
        };
        var bot = await StartBotAsync(snapshotInChunks);
        try
        {
            await audience.SeedAsync(_database, _line, "volunteer");
            var id = await CreateBroadcastAsync(bot);

            var clock = Stopwatch.StartNew();
            while (Delivered() == 0 && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(1);
            }

            await bot.KillAsync();
            var atKill = Delivered();
            var snapshotted = await _database.ScalarAsync<long>("SELECT targeted FROM broadcast_runs");
            Assert.True(
                await _database.ScalarAsync<long>("SELECT COUNT(*) FROM broadcast_runs WHERE snapshotted_at IS NULL") == 1,
                $"the snapshot was complete ({snapshotted} recipients) before the kill");
            Assert.InRange(atKill, 1, audience.Count - 1);
            Assert.InRange(snapshotted, 1, audience.Count - 1);

            await bot.DisposeAsync();
            bot = await StartBotAsync(snapshotInChunks);
            Assert.Equal("sent", await WaitForSentAsync(bot, id, clock));
            Assert.Equal(audience.Count, await _database.ScalarAsync<long>("SELECT targeted FROM broadcast_runs"));
            ExactlyOnce.Verify(ExactlyOnce.MulticastCounts(_line), audience.Recipients);
        }
        finally
        {
            await bot.DisposeAsync();
        }
    }

    private int Delivered() => _line.Journal.Deliveries.Count(d => d.Via == "multicast");

    private static async Task<long> CreateBroadcastAsync(BotProcess bot)
    {
        using var client = bot.Client(ApiKey);
        var created = await client.PostAsJsonAsync("/api/v1/broadcasts", BroadcastHarness.Broadcast("volunteer"));
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return JsonNode.Parse(await created.Content.ReadAsStringAsync())!.Number("id");
    }

    /// <summary>Polls the restarted bot until the broadcast is sent or two minutes have passed since the test began.</summary>
    private static async Task<string> WaitForSentAsync(BotProcess bot, long id, Stopwatch clock)
    {
        using var client = bot.Client(ApiKey);
        var status = "";
        while (status != "sent" && clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            await Task.Delay(100);
            status = JsonNode.Parse(await client.GetStringAsync($"/api/v1/broadcasts/{id}"))!.Text("status");
        }

        return status;
    }

    private async Task<BotProcess> StartBotAsync(IReadOnlyDictionary<string, string>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Broadcasts__MulticastPerSecond"] = "40",
            ["Broadcasts__BatchSize"] = "5",
            ["Broadcasts__MaxInFlight"] = "4",
            ["Broadcasts__BatchLease"] = "00:00:04",
            ["Broadcasts__AttemptTimeout"] = "00:00:02",
            ["Broadcasts__PollInterval"] = "00:00:00.100",
            ["Broadcasts__QuietHoursStart"] = "00:00",
            ["Broadcasts__QuietHoursEnd"] = "00:00",
        };
        var bot = _world.StartProcess("crash-test-bot", overrides?.ToDictionary(o => o.Key, o => (string?)o.Value), settings);
        await bot.WaitReadyAsync(TimeSpan.FromSeconds(60));
        return bot;
    }
}

public sealed class CrashTestsOnSqlite() : CrashTests("Sqlite");

public sealed class CrashTestsOnPostgres() : CrashTests("Postgres");
