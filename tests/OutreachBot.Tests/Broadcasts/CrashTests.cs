using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using OutreachBot.LineEmulator.Hosting;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Broadcasts;

/// <summary>The bot as its own process (its real build, <c>dotnet OutreachBot.dll</c>), killed mid-fan-out and started again.</summary>
public abstract class CrashTests(string provider) : IAsyncLifetime
{
    private const string ApiKey = "crash-test-key";
    private TestDatabase _database = null!;
    private LineEmulatorServer _line = null!;

    public async Task InitializeAsync()
    {
        _database = TestDatabase.Create(provider);
        _line = await LineEmulatorServer.StartAsync(new EmulatorOptions { MonthlyQuota = null });
    }

    public async Task DisposeAsync()
    {
        await _line.DisposeAsync();
        await _database.DisposeAsync();
    }

    [SkippableFact]
    public async Task Fanout_ProcessKilledMidSend_RestartDeliversToEveryoneExactlyOnce()
    {
        var port = FreePort();
        var bot = StartBot(port);
        List<string> ids;
        try
        {
            await WaitServingAsync(bot, port);
            ids = await SeedAsync(300);
            using var client = Client(port);
            var created = await client.PostAsJsonAsync("/api/v1/broadcasts", BroadcastHarness.Broadcast("volunteer"));
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
            var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!.Number("id");

            var clock = Stopwatch.StartNew();
            while (Delivered() < 60 && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(5);
            }

            bot.Kill(entireProcessTree: true);
            await bot.WaitForExitAsync();
            var atKill = Delivered();
            Assert.InRange(atKill, 60, 299);

            bot.Dispose();
            bot = StartBot(port);
            await WaitServingAsync(bot, port);
            var status = "";
            while (status != "sent" && clock.Elapsed < TimeSpan.FromSeconds(120))
            {
                await Task.Delay(100);
                status = JsonNode.Parse(await client.GetStringAsync($"/api/v1/broadcasts/{id}"))!.Text("status");
            }

            Assert.Equal("sent", status);
        }
        finally
        {
            if (!bot.HasExited)
            {
                bot.Kill(entireProcessTree: true);
                await bot.WaitForExitAsync();
            }

            bot.Dispose();
        }

        var counts = _line.Journal.Deliveries.Where(d => d.Via == "multicast").GroupBy(d => d.Recipient).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(ids.Order(), counts.Keys.Order());
        Assert.All(counts, c => Assert.True(c.Value == 1, $"{c.Key} got it {c.Value} times"));
    }

    private int Delivered() => _line.Journal.Deliveries.Count(d => d.Via == "multicast");

    private async Task<List<string>> SeedAsync(int count)
    {
        var yes = provider == "Postgres" ? "TRUE" : "1";
        var now = DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeMilliseconds();
        var ids = Enumerable.Range(0, count).Select(i => $"U{i:x32}").ToList();
        var sql = new StringBuilder();
        sql.Append("INSERT INTO citizens (user_id, language, following, first_followed_at, updated_at) VALUES ");
        sql.AppendJoin(", ", ids.Select(id => $"('{id}', 'ja', {yes}, {now}, {now})"));
        sql.Append("; INSERT INTO subscriptions (user_id, topic_id, started_at) SELECT user_id, (SELECT id FROM topics WHERE slug = 'volunteer'), ");
        sql.Append(now).Append(" FROM citizens;");
        await _database.ExecuteAsync(sql.ToString());
        foreach (var id in ids)
        {
            _line.AddFollower(id);
        }

        return ids;
    }

    private Process StartBot(int port)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(BotDll());
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Storage__Provider"] = provider,
            ["Storage__ConnectionString"] = _database.ConnectionString,
            ["Line__ChannelSecret"] = "crash-test-secret",
            ["Line__ChannelAccessToken"] = EmulatorOptions.DefaultChannelAccessToken,
            ["Line__ApiBaseUrl"] = _line.BaseUrl.ToString(),
            ["Line__DataApiBaseUrl"] = _line.BaseUrl.ToString(),
            ["Api__Keys__0"] = ApiKey,
            ["Broadcasts__MulticastPerSecond"] = "40",
            ["Broadcasts__BatchSize"] = "5",
            ["Broadcasts__MaxInFlight"] = "4",
            ["Broadcasts__BatchLease"] = "00:00:04",
            ["Broadcasts__AttemptTimeout"] = "00:00:02",
            ["Broadcasts__PollInterval"] = "00:00:00.100",
            ["Broadcasts__QuietHoursStart"] = "00:00",
            ["Broadcasts__QuietHoursEnd"] = "00:00",
            ["Logging__LogLevel__Default"] = "Warning",
        })
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static string BotDll()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        while (!File.Exists(Path.Combine(dir!.FullName, "OutreachBot.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir.FullName, "src", "OutreachBot", "bin", configuration, "net10.0", "OutreachBot.dll");
    }

    private static HttpClient Client(int port)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        return client;
    }

    private static async Task WaitServingAsync(Process bot, int port)
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 300; i++)
        {
            Assert.False(bot.HasExited, $"the bot exited with {(bot.HasExited ? bot.ExitCode : 0)}");
            try
            {
                using var response = await client.GetAsync("/readyz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The bot did not become ready.");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed class CrashTestsOnSqlite() : CrashTests("Sqlite");

public sealed class CrashTestsOnPostgres() : CrashTests("Postgres");
