using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using OutreachBot.Bench.Harness;
using OutreachBot.Line.Webhooks;
using OutreachBot.LineEmulator.Hosting;

namespace OutreachBot.Bench.Webhook;

/// <summary>
/// <c>webhook</c>: signed webhooks with unique event ids over many connections for a fixed time, first against the bot
/// (a Release build in its own process, SQLite file, replies going to the LINE emulator), then against the official
/// Node.js SDK's middleware on the same load. Prints requests/s, latency percentiles and events stored versus acknowledged.
/// </summary>
public static class WebhookBenchmark
{
    public static async Task RunAsync(BenchArguments arguments)
    {
        var seconds = TimeSpan.FromSeconds(arguments.Number("seconds", 10));
        var warmUp = TimeSpan.FromSeconds(arguments.Number("warmup", 3));
        var connections = (int)arguments.Number("connections", 64);
        var users = (int)arguments.Number("users", 1000);
        var inboxConcurrency = (int)arguments.Number("inbox-concurrency", 8);
        var secret = "bench-" + Guid.NewGuid().ToString("N");

        await using var emulator = await LineEmulatorServer.StartAsync(new EmulatorOptions { ChannelSecret = secret });
        var load = new WebhookLoad(secret, users, emulator);
        var bot = await MeasureBotAsync(emulator, secret, load, connections, warmUp, seconds, inboxConcurrency);
        var node = await MeasureNodeAsync(secret, load, connections, warmUp, seconds);

        Console.WriteLine($"bot:  {bot.Load.RequestsPerSecond:F0} req/s over {connections} connections for {seconds.TotalSeconds:F0} s, " +
                          $"{bot.Load.Failed} not 200, acknowledged {bot.Acknowledged}, stored {bot.Stored}");
        Console.WriteLine($"node: {node.RequestsPerSecond:F0} req/s, p50 {node.Percentile(50):F2} ms, p99 {node.Percentile(99):F2} ms, {node.Failed} not 200");
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"webhook: {bot.Load.RequestsPerSecond:F0} req/s, p50 {bot.Load.Percentile(50):F2} ms, p99 {bot.Load.Percentile(99):F2} ms, " +
            $"node {node.RequestsPerSecond:F0} req/s, ratio {bot.Load.RequestsPerSecond / node.RequestsPerSecond:F2}, lost {Math.Max(0, bot.Acknowledged - bot.Stored)}"));
    }

    private static async Task<BotRun> MeasureBotAsync(
        LineEmulatorServer emulator, string secret, WebhookLoad load, int connections, TimeSpan warmUp, TimeSpan seconds, int inboxConcurrency)
    {
        var dll = await Commands.BuildBotAsync();
        var data = Directory.CreateTempSubdirectory("outreachbot-bench-").FullName;
        var database = Path.Combine(data, "bench.db");
        var port = ChildProcess.FreePort();
        await using var bot = ChildProcess.Start("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"], Path.GetDirectoryName(dll)!, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Line__ChannelSecret"] = secret,
            ["Line__ChannelAccessToken"] = EmulatorOptions.DefaultChannelAccessToken,
            ["Line__ApiBaseUrl"] = emulator.BaseUrl.ToString(),
            ["Line__DataApiBaseUrl"] = emulator.BaseUrl.ToString(),
            ["Storage__ConnectionString"] = $"Data Source={database}",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Inbox__Concurrency"] = inboxConcurrency.ToString(CultureInfo.InvariantCulture),
        });
        var url = new Uri($"http://127.0.0.1:{port}");
        await bot.WaitUntilServingAsync(new Uri(url, "/healthz"), TimeSpan.FromSeconds(60));

        var warm = await LoadGenerator.RunAsync(url, connections, warmUp, load.NextRequest);
        var measured = await LoadGenerator.RunAsync(url, connections, seconds, load.NextRequest);
        var stored = await CountStoredAsync(database);
        await bot.DisposeAsync();
        Directory.Delete(data, recursive: true);
        return new BotRun(measured, warm.Ok + measured.Ok, stored);
    }

    private static async Task<LoadResult> MeasureNodeAsync(string secret, WebhookLoad load, int connections, TimeSpan warmUp, TimeSpan seconds)
    {
        var port = ChildProcess.FreePort();
        await using var node = await NodeSdkBaseline.StartAsync(secret, port);
        var url = new Uri($"http://127.0.0.1:{port}");
        await LoadGenerator.RunAsync(url, connections, warmUp, load.NextRequest);
        return await LoadGenerator.RunAsync(url, connections, seconds, load.NextRequest);
    }

    private static async Task<long> CountStoredAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM inbox_events";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private sealed record BotRun(LoadResult Load, long Acknowledged, long Stored);

    /// <summary>One text message event per request, from one of <c>users</c> citizens, with a unique id and a real reply token.</summary>
    private sealed class WebhookLoad(string secret, int users, LineEmulatorServer emulator)
    {
        private long _sequence;

        public HttpRequestMessage NextRequest()
        {
            var n = Interlocked.Increment(ref _sequence);
            var userId = "U" + (n % users).ToString("x32", CultureInfo.InvariantCulture);
            var body = JsonSerializer.SerializeToUtf8Bytes(new
            {
                destination = "Ubench",
                events = new[]
                {
                    new
                    {
                        type = "message",
                        mode = "active",
                        timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
                        source = new { type = "user", userId },
                        webhookEventId = $"01BENCH{n:D19}",
                        deliveryContext = new { isRedelivery = false },
                        replyToken = emulator.ReplyTokens.Issue(userId),
                        message = new { id = n.ToString(CultureInfo.InvariantCulture), type = "text", quoteToken = "q", text = "ボランティア募集について教えてください" },
                    },
                },
            });
            var request = new HttpRequestMessage(HttpMethod.Post, "/webhook/line") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = Encoding.UTF8.WebName };
            request.Headers.TryAddWithoutValidation("x-line-signature", LineSignature.Compute(body, secret));
            return request;
        }
    }
}
