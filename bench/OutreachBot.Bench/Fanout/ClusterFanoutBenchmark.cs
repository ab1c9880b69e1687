using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using OutreachBot.Bench.Harness;
using OutreachBot.LineEmulator.Hosting;

namespace OutreachBot.Bench.Fanout;

/// <summary>
/// <c>fanout --provider postgres [--instances 2]</c>: one topic with N subscribers in PostgreSQL (the server given with
/// <c>--postgres</c> or in <c>OUTREACHBOT_TEST_POSTGRES</c>, else a throwaway one), broadcast through the emulator by one
/// and then by <c>--instances</c> Release processes sharing the database: at the 200 requests/s ceiling, which the
/// instances split between them so that the cluster's time stays at the ceiling's, and with the ceiling off, where the
/// instances' own speed adds up. Prints, per run, fire to last batch accepted, requests, the busiest second, the
/// batches each instance sent, duplicates and misses.
/// </summary>
public static class ClusterFanoutBenchmark
{
    private const string ApiKey = "bench-api-key";

    public static async Task RunAsync(BenchArguments arguments)
    {
        var subscribers = (int)arguments.Number("subscribers", 1_000_000);
        var instances = (int)arguments.Number("instances", 2);
        var given = arguments.Text("postgres") ?? Environment.GetEnvironmentVariable("OUTREACHBOT_TEST_POSTGRES");
        await using var throwaway = string.IsNullOrWhiteSpace(given) ? await ThrowawayPostgres.StartAsync() : null;
        var database = await ThrowawayPostgres.CreateDatabaseAsync(throwaway?.ConnectionString ?? given!);
        var dll = await Commands.BuildBotAsync();
        await using var line = await LineEmulatorServer.StartAsync(new EmulatorOptions { MonthlyQuota = null });
        var ids = Enumerable.Range(0, subscribers).Select(i => "U" + i.ToString("x32", CultureInfo.InvariantCulture)).ToArray();
        foreach (var id in ids)
        {
            line.AddFollower(id);
        }

        await using (var first = await StartNodesAsync(dll, database, line, 1, 200))
        {
            var seeding = Stopwatch.StartNew();
            await SeedAsync(database, subscribers);
            Console.WriteLine($"seeded {subscribers} subscribers in PostgreSQL in {seeding.Elapsed.TotalSeconds:F1} s");
        }

        // Two runs per rate with the same fixed instance ids, the lone instance first: a killed process's check-in row
        // stays until it expires, and would keep half the ceiling for a process that is gone.
        var runs = new List<(string Name, int Count, Run Run)>();
        foreach (var rate in new[] { 200, 0 })
        {
            foreach (var count in new[] { 1, instances })
            {
                var run = await MeasureAsync(dll, database, line, count, rate, ids);
                var name = $"{count} instance{(count == 1 ? "" : "s")}, {(rate == 0 ? "unlimited" : $"{rate} req/s")}";
                Report(name, run);
                runs.Add((name, count, run));
            }
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"fanout-cluster: {subscribers} recipients, one_instance_seconds {runs[0].Run.Seconds:F2}, {instances}_instances_seconds {runs[1].Run.Seconds:F2}, " +
            $"one_instance_unlimited_seconds {runs[2].Run.Seconds:F2}, {instances}_instances_unlimited_seconds {runs[3].Run.Seconds:F2}, " +
            $"busiest_second {runs.Take(2).Max(r => r.Run.BusiestSecond)}, duplicates {runs.Sum(r => r.Run.Duplicates)}, missed {runs.Sum(r => r.Run.Missed)}"));
    }

    private static void Report(string name, Run run) => Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{name}: {run.Seconds:F2} s from fire to last batch accepted (snapshot {run.SnapshotSeconds:F2} s), {run.Requests} multicast requests, " +
        $"busiest second {run.BusiestSecond}, batches per instance {run.PerInstance}, duplicates {run.Duplicates}, missed {run.Missed}"));

    private static async Task<Run> MeasureAsync(string dll, string database, LineEmulatorServer line, int count, int rate, string[] ids)
    {
        line.Journal.Clear();
        await using var nodes = await StartNodesAsync(dll, database, line, count, rate);
        using var client = new HttpClient { BaseAddress = nodes.Urls[0] };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        var created = await client.PostAsJsonAsync("/api/v1/broadcasts", new
        {
            title = "bench",
            messages = new Dictionary<string, object[]> { ["ja"] = [new { type = "text", text = "今週の市民活動" }] },
            target = new { topics = new[] { "volunteer" } },
            urgent = true,
        });
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<long>();
        while (JsonNode.Parse(await client.GetStringAsync($"/api/v1/broadcasts/{id}"))!["status"]!.GetValue<string>() is "sending" or "scheduled")
        {
            await Task.Delay(50);
        }

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        var firedAt = DateTimeOffset.FromUnixTimeMilliseconds(await ScalarAsync(connection, $"SELECT fired_at FROM broadcast_runs WHERE broadcast_id = {id}"));
        var snapshotDone = DateTimeOffset.FromUnixTimeMilliseconds(await ScalarAsync(connection,
            $"SELECT snapshotted_at FROM broadcast_runs WHERE broadcast_id = {id}"));
        var perInstance = new List<string>();
        await using (var command = new NpgsqlCommand(
            $"SELECT b.claimed_by, COUNT(*) FROM broadcast_batches b JOIN broadcast_runs r ON r.id = b.run_id WHERE r.broadcast_id = {id} GROUP BY b.claimed_by ORDER BY b.claimed_by",
            connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                perInstance.Add($"{reader.GetString(0)}={reader.GetInt64(1)}");
            }
        }

        var multicasts = line.Journal.For("/v2/bot/message/multicast");
        var counts = line.Journal.Deliveries.GroupBy(d => d.Recipient, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new Run(
            (multicasts.Where(r => r.Status is 200 or 409).Max(r => r.At) - firedAt).TotalSeconds,
            (snapshotDone - firedAt).TotalSeconds,
            multicasts.Count,
            line.Journal.BusiestSecond("/v2/bot/message/multicast"),
            string.Join(' ', perInstance),
            counts.Values.Sum(c => c - 1),
            ids.Count(i => !counts.ContainsKey(i)));
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task SeedAsync(string database, int subscribers)
    {
        var now = DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeMilliseconds();
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"""
            INSERT INTO citizens (user_id, language, following, first_followed_at, updated_at)
            SELECT 'U' || lpad(to_hex(i), 32, '0'), 'ja', TRUE, {now}, {now} FROM generate_series(0, {subscribers - 1}) AS i;
            INSERT INTO subscriptions (user_id, topic_id, started_at)
            SELECT user_id, (SELECT id FROM topics WHERE slug = 'volunteer'), {now} FROM citizens;
            ANALYZE;
            """,
            connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Starts <paramref name="count"/> instances and waits until each serves and holds its share of the ceiling.</summary>
    private static async Task<Nodes> StartNodesAsync(string dll, string database, LineEmulatorServer line, int count, int rate)
    {
        var nodes = new Nodes();
        for (var i = 1; i <= count; i++)
        {
            var port = ChildProcess.FreePort();
            nodes.Processes.Add(ChildProcess.Start("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"], Path.GetDirectoryName(dll)!, new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Bot__LocalMode"] = "true", // the LINE emulator over plain http stands in for LINE
                ["Line__ChannelSecret"] = "bench-secret",
                ["Line__ChannelAccessToken"] = EmulatorOptions.DefaultChannelAccessToken,
                ["Line__ApiBaseUrl"] = line.BaseUrl.ToString(),
                ["Line__DataApiBaseUrl"] = line.BaseUrl.ToString(),
                ["Storage__Provider"] = "Postgres",
                ["Storage__ConnectionString"] = database,
                ["Api__Keys__0__Key"] = ApiKey,
                ["Api__Keys__0__Account"] = "admin",
                ["Api__Keys__0__Role"] = "admin",
                ["Cluster__InstanceId"] = $"bench-{i}",
                ["Cluster__CheckinInterval"] = "00:00:01",
                ["Cluster__CheckinMisfireThreshold"] = "00:00:02",
                ["Broadcasts__MulticastPerSecond"] = rate.ToString(CultureInfo.InvariantCulture),
                ["Broadcasts__PollInterval"] = "00:00:00.100",
                ["Logging__LogLevel__Default"] = "Warning",
            }));
            nodes.Urls.Add(new Uri($"http://127.0.0.1:{port}"));
        }

        for (var i = 0; i < count; i++)
        {
            await nodes.Processes[i].WaitUntilServingAsync(new Uri(nodes.Urls[i], "/readyz"), TimeSpan.FromSeconds(90));
        }

        // A joining instance sends nothing for two share refreshes and a rate window after its first check-in.
        await Task.Delay(TimeSpan.FromSeconds(5));
        return nodes;
    }

    private sealed class Nodes : IAsyncDisposable
    {
        public List<ChildProcess> Processes { get; } = [];

        public List<Uri> Urls { get; } = [];

        public async ValueTask DisposeAsync()
        {
            foreach (var process in Processes)
            {
                await process.DisposeAsync();
            }
        }
    }

    private sealed record Run(double Seconds, double SnapshotSeconds, int Requests, int BusiestSecond, string PerInstance, int Duplicates, int Missed);
}
