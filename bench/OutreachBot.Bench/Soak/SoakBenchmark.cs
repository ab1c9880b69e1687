using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OutreachBot.Bench.Harness;
using OutreachBot.Bench.Webhook;
using OutreachBot.LineEmulator.Hosting;

namespace OutreachBot.Bench.Soak;

/// <summary>
/// <c>soak</c>: the bot (Release, its own process, SQLite) against the LINE emulator for <c>--minutes</c> (30) of mixed
/// work: webhooks at a steady <c>--rate</c> a second, a broadcast written and approved every two minutes, and staff
/// reading the API and the console every few seconds. Prints the bot's resident memory every minute and ends with
/// <c>soak: minutes n, rss_start_mb n, rss_end_mb n, errors n, unhandled n</c>: rss_start is after the first five
/// minutes (the JIT and the caches settled), errors every answer that was not a success, unhandled the acknowledged
/// webhook events not handled once the load stopped and the inbox had two minutes to drain.
/// </summary>
public static class SoakBenchmark
{
    private const string EditorKey = "soak-editor-key";
    private const string ApproverKey = "soak-approver-key";
    private static readonly TimeSpan Settled = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan BroadcastEvery = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan ReadEvery = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan DrainLimit = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    public static async Task RunAsync(BenchArguments arguments)
    {
        var minutes = Math.Max(1, (int)arguments.Number("minutes", 30));
        var rate = Math.Max(10, (int)arguments.Number("rate", 50));
        var secret = "soak-" + Guid.NewGuid().ToString("N");
        var data = Directory.CreateTempSubdirectory("outreachbot-soak-").FullName;
        try
        {
            var database = Path.Combine(data, "soak.db");
            var dll = await Commands.BuildBotAsync();
            await using var emulator = await EmulatorProcess.StartAsync(secret);
            var url = new Uri($"http://127.0.0.1:{ChildProcess.FreePort()}");
            await using var bot = ChildProcess.Start("dotnet", [dll, "--urls", url.ToString()], Path.GetDirectoryName(dll)!, Environment(secret, database, emulator.BaseUrl));
            await bot.WaitUntilServingAsync(new Uri(url, "/readyz"), TimeSpan.FromSeconds(60));
            using var client = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
            var soak = new Soak(client, new WebhookLoad(secret, users: 500));

            var (rssStart, rssEnd) = await soak.RunAsync(bot, TimeSpan.FromMinutes(minutes), rate);
            var unhandled = await UnhandledAfterDrainAsync(database, soak.Acknowledged);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"soak: minutes {minutes}, rss_start_mb {rssStart / 1_048_576}, rss_end_mb {rssEnd / 1_048_576}, errors {soak.Errors}, unhandled {unhandled}"));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static Dictionary<string, string> Environment(string secret, string database, Uri line) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Bot__LocalMode"] = "true",
        ["Line__ChannelSecret"] = secret,
        ["Line__ChannelAccessToken"] = EmulatorOptions.DefaultChannelAccessToken,
        ["Line__ApiBaseUrl"] = line.ToString(),
        ["Line__DataApiBaseUrl"] = line.ToString(),
        ["Storage__ConnectionString"] = $"Data Source={database}",
        ["Api__Keys__0__Key"] = EditorKey,
        ["Api__Keys__0__Account"] = "soak-editor",
        ["Api__Keys__0__Role"] = "editor",
        ["Api__Keys__1__Key"] = ApproverKey,
        ["Api__Keys__1__Account"] = "soak-approver",
        ["Api__Keys__1__Role"] = "approver",
        ["Broadcasts__RequireApproval"] = "true",
        ["Broadcasts__QuietHoursStart"] = "00:00",
        ["Broadcasts__QuietHoursEnd"] = "00:00",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    /// <summary>Acknowledged events not handled (done or skipped) once the inbox had <see cref="DrainLimit"/> to catch up.</summary>
    private static async Task<long> UnhandledAfterDrainAsync(string database, long acknowledged)
    {
        var clock = Stopwatch.StartNew();
        long handled;
        while ((handled = await SqliteCounts.CountAsync(database, "SELECT COUNT(*) FROM inbox_events WHERE state NOT IN ('pending', 'parked')")) < acknowledged && clock.Elapsed < DrainLimit)
        {
            await Task.Delay(500);
        }

        return Math.Max(0, acknowledged - handled);
    }

    /// <summary>The mixed load and its counts.</summary>
    private sealed class Soak(HttpClient client, WebhookLoad webhooks)
    {
        private long _acknowledged;
        private long _errors;

        public long Acknowledged => Interlocked.Read(ref _acknowledged);

        public long Errors => Interlocked.Read(ref _errors);

        /// <returns>The bot's resident memory once settled (or at the first minute, in a shorter run) and at the end.</returns>
        public async Task<(long Start, long End)> RunAsync(ChildProcess bot, TimeSpan duration, int rate)
        {
            var clock = Stopwatch.StartNew();
            var (nextBroadcast, nextRead, nextMinute) = (TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromMinutes(1));
            long? start = null;
            using var ticks = new PeriodicTimer(Tick);
            var perTick = rate * Tick.TotalSeconds;
            var owed = 0.0;
            var staff = new List<Task>();
            while (clock.Elapsed < duration && await ticks.WaitForNextTickAsync())
            {
                owed += perTick;
                var now = (int)owed;
                owed -= now;
                if (clock.Elapsed >= nextBroadcast)
                {
                    staff.Add(BroadcastAsync());
                    nextBroadcast += BroadcastEvery;
                }

                if (clock.Elapsed >= nextRead)
                {
                    staff.Add(ReadAsync());
                    nextRead += ReadEvery;
                }

                await Task.WhenAll(Enumerable.Range(0, now).Select(_ => PostWebhookAsync()));
                if (clock.Elapsed >= nextMinute)
                {
                    var rss = bot.ResidentBytes();
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"minute {nextMinute.TotalMinutes:F0}: rss_mb {rss / 1_048_576}, acknowledged {Acknowledged}, errors {Errors}"));
                    if (start is null && (nextMinute >= Settled || duration <= Settled))
                    {
                        start = rss;
                    }

                    nextMinute += TimeSpan.FromMinutes(1);
                }
            }

            await Task.WhenAll(staff);
            return (start ?? bot.ResidentBytes(), bot.ResidentBytes());
        }

        private async Task PostWebhookAsync()
        {
            if (await SucceedsAsync(() => client.SendAsync(webhooks.NextRequest())))
            {
                Interlocked.Increment(ref _acknowledged);
            }
        }

        /// <summary>An editor writes a broadcast for the volunteer topic and an approver approves the version read: it goes at once.</summary>
        private async Task BroadcastAsync()
        {
            using var created = await SendAsync(EditorKey, HttpMethod.Post, "/api/v1/broadcasts", new
            {
                title = "ボランティア募集",
                messages = new Dictionary<string, object[]> { ["ja"] = [new { type = "text", text = "今週末の清掃ボランティアを募集しています。" }] },
                target = new { topics = new[] { "volunteer" }, match = "any" },
            });
            if (created is null)
            {
                return;
            }

            var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<long>();
            using var read = await SendAsync(ApproverKey, HttpMethod.Get, $"/api/v1/broadcasts/{id}", null);
            if (read is null)
            {
                return;
            }

            var version = JsonNode.Parse(await read.Content.ReadAsStringAsync())!["version"]!.GetValue<long>();
            using var approved = await SendAsync(ApproverKey, HttpMethod.Post, $"/api/v1/broadcasts/{id}/approve", new { version });
        }

        /// <summary>What staff look at: broadcasts, questions, parked events, the readiness probe and the console's door.</summary>
        private async Task ReadAsync()
        {
            foreach (var path in new[] { "/api/v1/broadcasts", "/api/v1/consultations?status=all", "/api/v1/inbox/parked" })
            {
                using var _ = await SendAsync(EditorKey, HttpMethod.Get, path, null);
            }

            await SucceedsAsync(() => client.GetAsync("/readyz"));
            await SucceedsAsync(() => client.GetAsync("/console"));
        }

        private async Task<HttpResponseMessage?> SendAsync(string key, HttpMethod method, string path, object? body)
        {
            var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            HttpResponseMessage? response = null;
            return await SucceedsAsync(async () => response = await client.SendAsync(request), keep: true) ? response : null;
        }

        private async Task<bool> SucceedsAsync(Func<Task<HttpResponseMessage>> send, bool keep = false)
        {
            try
            {
                var response = await send();
                if (response.IsSuccessStatusCode)
                {
                    if (!keep)
                    {
                        response.Dispose();
                    }

                    return true;
                }

                Console.Error.WriteLine($"  not a success: {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} {(int)response.StatusCode}");
                response.Dispose();
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                Console.Error.WriteLine($"  failed: {ex.Message}");
            }

            Interlocked.Increment(ref _errors);
            return false;
        }
    }
}
