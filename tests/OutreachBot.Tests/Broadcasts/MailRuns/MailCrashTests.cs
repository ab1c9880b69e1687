using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Broadcasts.MailRuns;

/// <summary>The bot as its own process, killed with SIGKILL mid mail run and started again, against smtp4dev.</summary>
public abstract class MailCrashTests(string provider) : IAsyncLifetime
{
    private const int Connections = 4;
    private TestWorld _world = null!;
    private Smtp4devServer _smtp = null!;

    public async Task InitializeAsync()
    {
        _world = await TestWorld.StartAsync(provider, new LineEmulator.Hosting.EmulatorOptions { MonthlyQuota = null });
        _smtp = await Smtp4devServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _world.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [SkippableFact]
    public async Task MailRun_ProcessKilledMidRun_RestartMailsEveryoneOnceBeyondTheMailsInFlight()
    {
        var bot = await StartBotAsync();
        try
        {
            var addresses = await MailSubscribersSeed.AddAsync(_world.Database, "volunteer", 200);
            var id = await CreateAsync(bot);
            var clock = Stopwatch.StartNew();
            while (await _world.Database.ScalarAsync<long>("SELECT COUNT(*) FROM mail_deliveries WHERE state = 'sent'") < 40 && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(5);
            }

            await bot.KillAsync();
            var recordedAtKill = await _world.Database.ScalarAsync<long>("SELECT COUNT(*) FROM mail_deliveries WHERE state = 'sent'");
            Assert.InRange(recordedAtKill, 40, 199);

            await bot.DisposeAsync();
            bot = await StartBotAsync();
            Assert.Equal("sent", await WaitForSentAsync(bot, id, clock));

            var received = await _smtp.WaitForMessagesAsync(200, TimeSpan.FromSeconds(60));
            var perMessageId = received.GroupBy(m => m.MessageId, StringComparer.Ordinal).ToList();
            Assert.Equal(200, perMessageId.Count);
            Assert.Equal(addresses.Order(), perMessageId.Select(g => g.First().To.Mailboxes.Single().Address).Order());
            // The only second mails are those a connection had in flight at the kill: accepted, not yet recorded.
            Assert.InRange(received.Count - perMessageId.Count, 0, Connections);
        }
        finally
        {
            await bot.DisposeAsync();
        }
    }

    private static async Task<long> CreateAsync(BotProcess bot)
    {
        using var client = bot.Client(TestBot.ApiKey);
        var created = await client.PostAsJsonAsync("/api/v1/broadcasts", MailSubscribersSeed.MailBroadcast("volunteer", ["mail"]));
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return JsonNode.Parse(await created.Content.ReadAsStringAsync())!.Number("id");
    }

    private static async Task<string> WaitForSentAsync(BotProcess bot, long id, Stopwatch clock)
    {
        using var client = bot.Client(TestBot.ApiKey);
        var status = "";
        while (status != "sent" && clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            await Task.Delay(100);
            status = JsonNode.Parse(await client.GetStringAsync($"/api/v1/broadcasts/{id}"))!.Text("status");
        }

        return status;
    }

    private async Task<BotProcess> StartBotAsync()
    {
        var settings = new Dictionary<string, string?>(_smtp.Settings)
        {
            ["Mail:PerSecond"] = "40",
            ["Mail:Connections"] = Connections.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Broadcasts:BatchLease"] = "00:00:04",
            ["Broadcasts:AttemptTimeout"] = "00:00:02",
            ["Broadcasts:PollInterval"] = "00:00:00.100",
            ["Broadcasts:QuietHoursStart"] = "00:00",
            ["Broadcasts:QuietHoursEnd"] = "00:00",
        };
        var bot = _world.StartProcess("mail-crash-bot", settings);
        await bot.WaitReadyAsync(TimeSpan.FromSeconds(60));
        return bot;
    }
}

public sealed class MailCrashTestsOnSqlite() : MailCrashTests("Sqlite");

public sealed class MailCrashTestsOnPostgres() : MailCrashTests("Postgres");
