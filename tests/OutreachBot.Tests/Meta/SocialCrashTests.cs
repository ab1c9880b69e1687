using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OutreachBot.LineEmulator.Hosting;
using OutreachBot.LineEmulator.Meta;
using OutreachBot.Meta;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Meta;

/// <summary>
/// The bot as its own process, killed with -9 after Meta made the post and before the bot recorded its id (the
/// emulator holds the answer back, so the window is wide): restarted, it finds the post, never posting it twice; on
/// SQLite at once, as the dead process's claim is released at start.
/// </summary>
public abstract class SocialCrashTests(string provider) : IAsyncLifetime
{
    private TestWorld _world = null!;

    private MetaBook Meta => _world.Line.Meta;

    public async Task InitializeAsync() => _world = await TestWorld.StartAsync(provider, new EmulatorOptions { MonthlyQuota = null });

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [SkippableFact]
    public async Task KilledBetweenPublishAndRecording_RestartRecordsThePost_ItExistsOnce()
    {
        _world.Line.MetaFaults.Add(new MetaFault { Kind = "timeout-after-publish", Path = "/feed", DelayMilliseconds = 60_000 });
        var bot = await StartBotAsync();
        try
        {
            var id = await CreateAsync(bot);
            var clock = Stopwatch.StartNew();
            while (Meta.Posts.Count == 0 && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(10);
            }

            await bot.KillAsync();
            Assert.Single(Meta.Posts);
            Assert.Equal(1L, await _world.Database.ScalarAsync<long>($"SELECT COUNT(*) FROM social_posts WHERE broadcast_id = {id} AND intent_at IS NOT NULL AND post_id IS NULL"));

            await bot.DisposeAsync();
            bot = await StartBotAsync();
            var sinceRestart = Stopwatch.StartNew();
            var post = await WaitForSettledAsync(bot, id, clock);
            if (provider == "Sqlite")
            {
                // One instance by design: the claim left by the dead process is taken over at start, not after its lease (18 s).
                Assert.True(sinceRestart.Elapsed < TimeSpan.FromSeconds(8), $"settled {sinceRestart.Elapsed} after the restart");
            }

            var made = Assert.Single(Meta.Posts);
            Assert.Equal(SocialStatus.Published, post["status"]!.GetValue<string>());
            Assert.Equal(made.Id, post["postId"]!.GetValue<string>());
        }
        finally
        {
            await bot.DisposeAsync();
        }
    }

    private static async Task<long> CreateAsync(BotProcess bot)
    {
        using var client = bot.Client(TestBot.ApiKey);
        var created = await client.PostAsJsonAsync("/api/v1/broadcasts", new
        {
            title = "市民活動ニュース",
            messages = new Dictionary<string, object[]> { ["ja"] = [new { type = "text", text = "清掃ボランティアを募集します" }] },
            target = new { topics = new[] { "volunteer" }, match = "any" },
            channels = new[] { "facebook" },
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<long>();
    }

    /// <summary>Polls until the post leaves pending, or two minutes have passed since the test began.</summary>
    private static async Task<JsonNode> WaitForSettledAsync(BotProcess bot, long id, Stopwatch clock)
    {
        using var client = bot.Client(TestBot.ApiKey);
        while (true)
        {
            var post = JsonNode.Parse(await client.GetStringAsync($"/api/v1/broadcasts/{id}"))!["channels"]!["facebook"]!;
            if (post["status"]!.GetValue<string>() != SocialStatus.Pending || clock.Elapsed > TimeSpan.FromSeconds(120))
            {
                return post;
            }

            await Task.Delay(100);
        }
    }

    private async Task<BotProcess> StartBotAsync()
    {
        var accounts = _world.Line.Options.Meta;
        var bot = _world.StartProcess("social-crash-bot", null, new Dictionary<string, string?>
        {
            ["Meta:PageId"] = accounts.PageId,
            ["Meta:PageAccessToken"] = accounts.PageAccessToken,
            ["Meta:PollInterval"] = "00:00:00.100",
            ["Meta:RetryDelay"] = "00:00:00.200",
            ["Meta:AttemptTimeout"] = "00:00:03", // the window to kill in; a claim lapses after six of them
            ["Broadcasts:QuietHoursStart"] = "00:00",
            ["Broadcasts:QuietHoursEnd"] = "00:00",
        });
        await bot.WaitReadyAsync(TimeSpan.FromSeconds(60));
        return bot;
    }
}

public sealed class SocialCrashTestsOnSqlite() : SocialCrashTests("Sqlite");

public sealed class SocialCrashTestsOnPostgres() : SocialCrashTests("Postgres");
