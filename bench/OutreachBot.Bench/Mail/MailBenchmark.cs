using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using OutreachBot.Bench.Harness;
using OutreachBot.LineEmulator.Hosting;

namespace OutreachBot.Bench.Mail;

/// <summary>
/// <c>mail</c>: N confirmed e-mail subscribers of one topic (bulk-inserted into a SQLite file) and a mail-only broadcast
/// sent by the bot in its own Release process to <see cref="SmtpSink"/> (accepts and discards): once with the ceiling
/// off, once at <c>--per-second</c> (200), and once killed with kill -9 half way and restarted. Prints the time from fire
/// to the last mail accepted, the bot's peak RSS and CPU time per mail, the busiest second, duplicates and misses counted by Message-ID; for the
/// kill, the mails in flight at the kill (accepted by the sink, not yet recorded), the only ones that may go twice.
/// </summary>
public static class MailBenchmark
{
    private const string ApiKey = "bench-api-key";
    private const int WarmUpRecipients = 2_000;

    public static async Task RunAsync(BenchArguments arguments)
    {
        var subscribers = (int)arguments.Number("subscribers", 100_000);
        var perSecond = (int)arguments.Number("per-second", 200);
        var connections = (int)arguments.Number("connections", 32);
        var dll = await Commands.BuildBotAsync();
        var data = Directory.CreateTempSubdirectory("outreachbot-mail-").FullName;
        var database = Path.Combine(data, "mail.db");
        await using var line = await LineEmulatorServer.StartAsync(new EmulatorOptions { MonthlyQuota = null });
        await using var sink = new SmtpSink();
        var settings = new Settings(dll, database, line, sink, connections);
        await using (await StartBotAsync(settings, 0))
        {
            var seeding = Stopwatch.StartNew();
            await SeedAsync(database, subscribers, "volunteer", "resident");
            await SeedAsync(database, WarmUpRecipients, "community", "warmup");
            Console.WriteLine($"seeded {subscribers} mail subscribers in {seeding.Elapsed.TotalSeconds:F1} s");
        }

        var modes = (arguments.Text("modes") ?? "unlimited,limited,kill").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var unlimited = modes.Contains("unlimited") ? await MeasureAsync(settings, 0, "volunteer", subscribers, kill: false) : Run.Skipped;
        Report("ceiling off", unlimited);
        // At the ceiling the run's length is known in advance (N / ceiling): the warm-up list, seconds long, shows the busiest second.
        var limited = modes.Contains("limited") ? await MeasureAsync(settings, perSecond, "community", WarmUpRecipients, kill: false) : Run.Skipped;
        Report($"Mail:PerSecond {perSecond}", limited);
        var killed = modes.Contains("kill") ? await MeasureAsync(settings, 0, "volunteer", subscribers, kill: true) : Run.Skipped;
        Report("kill -9 half way + restart", killed);
        Directory.Delete(data, recursive: true);

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"mail: {subscribers} recipients, seconds {unlimited.Seconds:F2}, per_second {unlimited.PerSecond:F0}, rss_mb {Math.Max(unlimited.RssMb, killed.RssMb)}, " +
            $"duplicates {unlimited.Duplicates + limited.Duplicates + Math.Max(0, killed.Duplicates - killed.InFlightAtKill)}, missed {unlimited.Missed + limited.Missed + killed.Missed}"));
    }

    private static void Report(string name, Run run)
    {
        if (run == Run.Skipped)
        {
            return;
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name}: {run.Recipients} mails in {run.Seconds:F2} s ({run.PerSecond:F0}/s), busiest second {run.BusiestSecond}, peak RSS {run.RssMb} MB, bot CPU {run.CpuMsPerMail:F3} ms a mail, " +
            $"duplicates {run.Duplicates} (in flight at the kill: {run.InFlightAtKill}), missed {run.Missed}"));
    }

    private static async Task<Run> MeasureAsync(Settings settings, int perSecond, string topic, int expected, bool kill)
    {
        var bot = await StartBotAsync(settings, perSecond);
        try
        {
            if (perSecond == 0)
            {
                // The first mails of a fresh process pay for its just-in-time compiler: a small run first.
                await WaitUntilDoneAsync(bot, await BroadcastAsync(bot, "community"));
            }

            settings.Sink.Clear();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            var cpuBefore = bot.Process.CpuTime();
            var id = await BroadcastAsync(bot, topic);
            var inFlight = 0;
            if (kill)
            {
                while (settings.Sink.Accepted.Count < expected / 2)
                {
                    await Task.Delay(5);
                }

                // The restarted bot's CPU counts from its start, its start-up included.
                cpuBefore -= bot.Process.CpuTime();
                bot.Process.Kill();
                await bot.DisposeAsync();
                var received = settings.Sink.Accepted.Select(a => a.MessageId).ToHashSet(StringComparer.Ordinal);
                inFlight = received.Count - await SentCountAsync(settings.Database, id);
                bot = await StartBotAsync(settings, perSecond);
            }

            await WaitUntilDoneAsync(bot, id);
            var cpu = bot.Process.CpuTime() - cpuBefore;
            var rss = bot.Process.PeakWorkingSetBytes() / (1024 * 1024);
            var accepted = settings.Sink.Accepted.ToList();
            var seconds = (accepted.Max(a => a.At) - accepted.Min(a => a.At)).TotalSeconds;
            var distinct = accepted.Select(a => a.MessageId).Distinct(StringComparer.Ordinal).Count();
            return new Run(expected, seconds, expected / Math.Max(seconds, 0.001), settings.Sink.BusiestSecond(), rss, accepted.Count - distinct, expected - distinct, inFlight, cpu.TotalMilliseconds / expected);
        }
        finally
        {
            await bot.DisposeAsync();
        }
    }

    private static async Task<int> SentCountAsync(string database, long broadcastId)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM mail_deliveries d JOIN broadcast_runs r ON r.id = d.run_id WHERE r.broadcast_id = $id AND d.state = 'sent'";
        command.Parameters.AddWithValue("$id", broadcastId);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<long> BroadcastAsync(Bot bot, string topic)
    {
        using var client = Client(bot);
        using var created = await client.PostAsJsonAsync("/api/v1/broadcasts", new
        {
            title = "bench " + topic,
            messages = new Dictionary<string, object[]> { ["ja"] = [new { type = "text", text = "今週の市民活動です。詳しくは https://city.example.jp/katsudo をご覧ください。" }] },
            target = new { topics = new[] { topic } },
            channels = new[] { "mail" },
            urgent = true,
        });
        if (!created.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(await created.Content.ReadAsStringAsync());
        }

        return JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<long>();
    }

    private static async Task WaitUntilDoneAsync(Bot bot, long id)
    {
        using var client = Client(bot);
        while (JsonNode.Parse(await client.GetStringAsync($"/api/v1/broadcasts/{id}"))!["status"]!.GetValue<string>() is "sending" or "scheduled")
        {
            await Task.Delay(250);
        }
    }

    private static HttpClient Client(Bot bot)
    {
        var client = new HttpClient { BaseAddress = bot.Url };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        return client;
    }

    private static async Task SeedAsync(string database, int count, string topic, string prefix)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var now = DateTimeOffset.UtcNow.AddDays(-1).ToUnixTimeMilliseconds();
        await using var subscriber = connection.CreateCommand();
        subscriber.CommandText = "INSERT INTO mail_subscribers (address, address_key, language, status, source, opted_in_at, created_at, updated_at) VALUES ($a, $a, 'ja', 'confirmed', 'import', $now, $now, $now)";
        var address = subscriber.Parameters.Add("$a", SqliteType.Text);
        subscriber.Parameters.AddWithValue("$now", now);
        for (var i = 0; i < count; i++)
        {
            address.Value = string.Create(CultureInfo.InvariantCulture, $"{prefix}{i:D6}@example.jp");
            await subscriber.ExecuteNonQueryAsync();
        }

        await using var subscribe = connection.CreateCommand();
        subscribe.CommandText = "INSERT INTO mail_subscriptions (subscriber_id, topic_id, started_at) SELECT id, (SELECT id FROM topics WHERE slug = $topic), $now FROM mail_subscribers WHERE address LIKE $prefix";
        subscribe.Parameters.AddWithValue("$now", now);
        subscribe.Parameters.AddWithValue("$topic", topic);
        subscribe.Parameters.AddWithValue("$prefix", prefix + "%");
        await subscribe.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    private static async Task<Bot> StartBotAsync(Settings settings, int perSecond)
    {
        var port = ChildProcess.FreePort();
        var process = ChildProcess.Start("dotnet", [settings.Dll, "--urls", $"http://127.0.0.1:{port}"], Path.GetDirectoryName(settings.Dll)!, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Bot__LocalMode"] = "true", // the LINE emulator over plain http stands in for LINE
            ["Line__ChannelSecret"] = "bench-secret",
            ["Line__ChannelAccessToken"] = EmulatorOptions.DefaultChannelAccessToken,
            ["Line__ApiBaseUrl"] = settings.Line.BaseUrl.ToString(),
            ["Line__DataApiBaseUrl"] = settings.Line.BaseUrl.ToString(),
            ["Storage__ConnectionString"] = $"Data Source={settings.Database}",
            ["Api__Keys__0__Key"] = ApiKey,
            ["Api__Keys__0__Account"] = "admin",
            ["Api__Keys__0__Role"] = "admin",
            ["Mail__SmtpHost"] = "127.0.0.1",
            ["Mail__SmtpPort"] = settings.Sink.Port.ToString(CultureInfo.InvariantCulture),
            ["Mail__Security"] = "None",
            ["Mail__From"] = "市民活動推進課 <katsudo@city.example.jp>",
            ["Mail__PerSecond"] = perSecond.ToString(CultureInfo.InvariantCulture),
            ["Mail__Connections"] = settings.Connections.ToString(CultureInfo.InvariantCulture),
            ["Site__PublicBaseUrl"] = "https://outreachbot.city.example.jp/",
            ["Broadcasts__PollInterval"] = "00:00:00.100",
            ["Logging__LogLevel__Default"] = "Warning",
        });
        var url = new Uri($"http://127.0.0.1:{port}");
        await process.WaitUntilServingAsync(new Uri(url, "/readyz"), TimeSpan.FromSeconds(60));
        return new Bot(process, url);
    }

    private sealed record Settings(string Dll, string Database, LineEmulatorServer Line, SmtpSink Sink, int Connections);

    private sealed record Bot(ChildProcess Process, Uri Url) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Process.DisposeAsync();
    }

    /// <param name="CpuMsPerMail">The bot's CPU time (user + system) per mail: a figure the other load on the machine hardly moves.</param>
    private sealed record Run(int Recipients, double Seconds, double PerSecond, int BusiestSecond, long RssMb, int Duplicates, int Missed, int InFlightAtKill, double CpuMsPerMail)
    {
        public static Run Skipped { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}
