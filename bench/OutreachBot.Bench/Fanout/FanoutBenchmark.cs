using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using OutreachBot.Bench.Harness;
using OutreachBot.LineEmulator.Hosting;

namespace OutreachBot.Bench.Fanout;

/// <summary>
/// <c>fanout</c>: one topic with N subscribers (bulk-inserted into a SQLite file), broadcast through the emulator by the
/// bot in its own Release process: once at the 200 requests/s ceiling, once with the ceiling off, and once killed with
/// kill -9 half way and restarted. Prints the time from fire to the last batch accepted, requests, the bot's peak RSS,
/// the busiest one-second window, and duplicates and misses from the emulator's record. Each bot first sends a small
/// broadcast to other citizens, so that the run measures a bot that has sent before, not its just-in-time compiler.
/// </summary>
public static class FanoutBenchmark
{
    private const string ApiKey = "bench-api-key";
    private const int WarmUpRecipients = 20_000;

    // The runtime's background compiler: what the bot spends on re-compiling hot code once, not on each request.
    public static async Task RunAsync(BenchArguments arguments)
    {
        var subscribers = (int)arguments.Number("subscribers", 1_000_000);
        var dll = await Commands.BuildBotAsync();
        var data = Directory.CreateTempSubdirectory("outreachbot-fanout-").FullName;
        var database = Path.Combine(data, "fanout.db");
        await using var line = await LineEmulatorServer.StartAsync(new EmulatorOptions { MonthlyQuota = null });
        var ids = Enumerable.Range(0, subscribers).Select(i => "U" + i.ToString("x32", CultureInfo.InvariantCulture)).ToArray();
        var warmUpIds = Enumerable.Range(0, WarmUpRecipients).Select(i => "W" + i.ToString("x32", CultureInfo.InvariantCulture)).ToArray();
        foreach (var id in ids.Concat(warmUpIds))
        {
            line.AddFollower(id);
        }

        await using (var first = await StartBotAsync(dll, database, line, 200))
        {
            var seeding = Stopwatch.StartNew();
            await SeedAsync(database, ids, "volunteer");
            await SeedAsync(database, warmUpIds, "community");
            Console.WriteLine($"seeded {subscribers} subscribers in {seeding.Elapsed.TotalSeconds:F1} s");
        }

        var modes = (arguments.Text("modes") ?? "limited,unlimited,kill").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var limited = await MeasureIfAsync(modes, "limited", "200 req/s", () => MeasureAsync(dll, database, line, 200, ids, kill: false));
        var unlimited = await MeasureIfAsync(modes, "unlimited", "unlimited", () => MeasureAsync(dll, database, line, 0, ids, kill: false));
        var killed = await MeasureIfAsync(modes, "kill", "kill -9 half way + restart", () => MeasureAsync(dll, database, line, 200, ids, kill: true));

        Directory.Delete(data, recursive: true);
        if (modes.Length < 3)
        {
            // The closing line stands for all three runs; a partial run prints only its own figures.
            return;
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"fanout: {subscribers} recipients, seconds {limited.Seconds:F2}, unlimited_seconds {unlimited.Seconds:F2}, requests {limited.Requests}, " +
            $"rss_mb {Math.Max(limited.RssMb, unlimited.RssMb)}, duplicates {limited.Duplicates + unlimited.Duplicates + killed.Duplicates}, " +
            $"missed {limited.Missed + unlimited.Missed + killed.Missed}"));
    }

    /// <summary>Runs one of the three measurements when <c>--modes</c> asks for it (all three by default).</summary>
    private static async Task<Run> MeasureIfAsync(string[] modes, string mode, string name, Func<Task<Run>> measure)
    {
        if (!modes.Contains(mode, StringComparer.Ordinal))
        {
            return Run.Skipped;
        }

        var run = await measure();
        Report(name, run);
        return run;
    }

    private static void Report(string name, Run run) => Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{name}: {run.Seconds:F2} s from fire to last batch accepted (snapshot {run.SnapshotSeconds:F2} s, first batch sent at {run.FirstSendSeconds:F2} s), {run.Requests} multicast requests, " +
        $"busiest second {run.BusiestSecond}, peak RSS {run.RssMb} MB, duplicates {run.Duplicates}, missed {run.Missed}, " +
        $"cpu: bot {run.BotCpuSeconds:F2} s (of which JIT at least {run.BotJitSeconds:F2} s), emulator {run.EmulatorCpuSeconds:F2} s"));

    private static async Task<Run> MeasureAsync(string dll, string database, LineEmulatorServer line, int rate, string[] ids, bool kill)
    {
        var bot = await StartBotAsync(dll, database, line, rate);
        await WarmUpAsync(bot);
        line.Journal.Clear();
        // This process hosts the emulator: what the last run's tally left behind (a million deliveries, say) is collected
        // now, not in a pause mid-run that would stamp the requests queued meanwhile as one burst.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var emulatorCpu = Process.GetCurrentProcess().TotalProcessorTime;
        // From here on: the bot's start-up (and its JIT) is not the fan-out's cost.
        var botCpu = -bot.Process.CpuTime();
        var jitBefore = bot.Process.JitCpuTime();
        var botJit = TimeSpan.Zero;
        try
        {
            var id = await BroadcastAsync(bot, "volunteer");
            long rss;
            if (kill)
            {
                while (line.Journal.DeliveryCount < ids.Length / 2)
                {
                    await Task.Delay(5);
                }

                rss = bot.Process.PeakWorkingSetBytes();
                botCpu += bot.Process.CpuTime();
                botJit += bot.Process.JitCpuTime() - jitBefore;
                bot.Process.Kill();
                await bot.DisposeAsync();
                bot = await StartBotAsync(dll, database, line, rate);
                botCpu -= bot.Process.CpuTime();
                jitBefore = bot.Process.JitCpuTime();
            }

            await WaitUntilDoneAsync(bot, id);
            rss = bot.Process.PeakWorkingSetBytes();
            botCpu += bot.Process.CpuTime();
            botJit += bot.Process.JitCpuTime() - jitBefore;
            emulatorCpu = Process.GetCurrentProcess().TotalProcessorTime - emulatorCpu;
            var (firedAt, snapshotDone, firstSent) = await FiredAtAsync(database, id);
            var accepted = line.Journal.For("/v2/bot/message/multicast").Where(r => r.Status is 200 or 409).Select(r => r.At).ToList();
            var counts = line.Journal.Deliveries.GroupBy(d => d.Recipient, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            return new Run(
                (accepted.Max() - firedAt).TotalSeconds,
                (snapshotDone - firedAt).TotalSeconds,
                (firstSent - firedAt).TotalSeconds,
                line.Journal.For("/v2/bot/message/multicast").Count,
                rss / (1024 * 1024),
                counts.Values.Sum(c => c - 1),
                ids.Count(i => !counts.ContainsKey(i)),
                line.Journal.BusiestSecond("/v2/bot/message/multicast"),
                botCpu.TotalSeconds,
                botJit.TotalSeconds,
                emulatorCpu.TotalSeconds);
        }
        finally
        {
            await bot.DisposeAsync();
        }
    }

    // A compiler thread that ended mid-run takes its time with it: the figure is a lower bound.
    private static async Task WarmUpAsync(Bot bot) => await WaitUntilDoneAsync(bot, await BroadcastAsync(bot, "community"));

    private static async Task<long> BroadcastAsync(Bot bot, string topic)
    {
        using var client = Client(bot);
        using var created = await client.PostAsJsonAsync("/api/v1/broadcasts", new
        {
            title = "bench " + topic,
            messages = new Dictionary<string, object[]> { ["ja"] = [new { type = "text", text = "今週の市民活動" }] },
            target = new { topics = new[] { topic } },
            urgent = true,
        });
        created.EnsureSuccessStatusCode();
        return JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<long>();
    }

    private static async Task WaitUntilDoneAsync(Bot bot, long id)
    {
        using var client = Client(bot);
        while (JsonNode.Parse(await client.GetStringAsync($"/api/v1/broadcasts/{id}"))!["status"]!.GetValue<string>() is "sending" or "scheduled")
        {
            // The figures come from the emulator's record, not from this loop; asking less often takes less from the bot.
            await Task.Delay(250);
        }
    }

    internal static HttpClient Client(Bot bot)
    {
        var client = new HttpClient { BaseAddress = bot.Url };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        return client;
    }

    private static async Task<(DateTimeOffset FiredAt, DateTimeOffset SnapshotDone, DateTimeOffset FirstSent)> FiredAtAsync(string database, long broadcastId)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT fired_at, snapshotted_at, (SELECT MIN(first_sent_at) FROM broadcast_batches b WHERE b.run_id = r.id) FROM broadcast_runs r WHERE broadcast_id = $id";
        command.Parameters.AddWithValue("$id", broadcastId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)));
    }

    private static async Task SeedAsync(string database, string[] ids, string topic)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var now = DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeMilliseconds();
        await using var citizen = connection.CreateCommand();
        citizen.CommandText = "INSERT INTO citizens (user_id, language, following, first_followed_at, updated_at) VALUES ($id, 'ja', 1, $now, $now)";
        var id = citizen.Parameters.Add("$id", SqliteType.Text);
        citizen.Parameters.AddWithValue("$now", now);
        foreach (var userId in ids)
        {
            id.Value = userId;
            await citizen.ExecuteNonQueryAsync();
        }

        await using var subscribe = connection.CreateCommand();
        subscribe.CommandText = "INSERT INTO subscriptions (user_id, topic_id, started_at) SELECT user_id, (SELECT id FROM topics WHERE slug = $topic), $now FROM citizens WHERE user_id >= $first AND user_id <= $last";
        subscribe.Parameters.AddWithValue("$now", now);
        subscribe.Parameters.AddWithValue("$topic", topic);
        subscribe.Parameters.AddWithValue("$first", ids.Min(StringComparer.Ordinal));
        subscribe.Parameters.AddWithValue("$last", ids.Max(StringComparer.Ordinal));
        await subscribe.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    /// <summary>The bot in its own Release process on a SQLite file, against <paramref name="line"/>, with <paramref name="settings"/> over the bench's.</summary>
    internal static async Task<Bot> StartBotAsync(string dll, string database, LineEmulatorServer line, int rate, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = ChildProcess.FreePort();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Bot__LocalMode"] = "true", // the LINE emulator over plain http stands in for LINE
            ["Line__ChannelSecret"] = "bench-secret",
            ["Line__ChannelAccessToken"] = EmulatorOptions.DefaultChannelAccessToken,
            ["Line__ApiBaseUrl"] = line.BaseUrl.ToString(),
            ["Line__DataApiBaseUrl"] = line.BaseUrl.ToString(),
            ["Storage__ConnectionString"] = $"Data Source={database}",
            ["Api__Keys__0__Key"] = ApiKey,
            ["Api__Keys__0__Account"] = "admin",
            ["Api__Keys__0__Role"] = "admin",
            ["Broadcasts__MulticastPerSecond"] = rate.ToString(CultureInfo.InvariantCulture),
            ["Broadcasts__PollInterval"] = "00:00:00.100",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        var process = ChildProcess.Start("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"], Path.GetDirectoryName(dll)!, environment);
        var url = new Uri($"http://127.0.0.1:{port}");
        await process.WaitUntilServingAsync(new Uri(url, "/readyz"), TimeSpan.FromSeconds(60));
        return new Bot(process, url);
    }

    internal sealed record Bot(ChildProcess Process, Uri Url) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Process.DisposeAsync();
    }

    private sealed record Run(double Seconds, double SnapshotSeconds, double FirstSendSeconds, int Requests, long RssMb, int Duplicates, int Missed, int BusiestSecond, double BotCpuSeconds, double BotJitSeconds, double EmulatorCpuSeconds)
    {
        public static Run Skipped { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}
