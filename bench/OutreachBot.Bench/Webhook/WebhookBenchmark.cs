using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using OutreachBot.Bench.Harness;
using OutreachBot.LineEmulator.Hosting;

namespace OutreachBot.Bench.Webhook;

/// <summary>
/// <c>webhook</c>: signed webhooks with unique event ids over many connections for a fixed time, first against the bot
/// (a Release build in its own process, SQLite file, replies going to the LINE emulator in a third process), then
/// against the official Node.js SDK's middleware on the same load. Prints requests/s, latency percentiles, events
/// stored versus acknowledged, and the CPU time each process spent per request, which the machine's other load hardly moves.
/// </summary>
public static class WebhookBenchmark
{
    /// <summary>Reply tokens fetched per second of load; past them the bot answers by push, which still works.</summary>
    private const int ReplyTokensPerSecond = 15_000;

    private static readonly TimeSpan WarmUpStep = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxWarmUp = TimeSpan.FromSeconds(60);

    /// <summary>The share of one core under which the bot's tiered compiler counts as done with the hot paths.</summary>
    private const double QuietJitShare = 0.05;

    public static async Task RunAsync(BenchArguments arguments)
    {
        var seconds = TimeSpan.FromSeconds(arguments.Number("seconds", 10));
        // The least warm-up; the bot's goes on until its compiler is quiet (see WarmUpAsync), and node's lasts as long.
        var warmUp = TimeSpan.FromSeconds(arguments.Number("warmup", 10));
        var connections = (int)arguments.Number("connections", 64);
        var users = (int)arguments.Number("users", 1000);
        var inboxConcurrency = arguments.Text("inbox-concurrency");
        var drainLimit = TimeSpan.FromSeconds(arguments.Number("drain-limit", 300));
        var secret = "bench-" + Guid.NewGuid().ToString("N");

        var load = new WebhookLoad(secret, users);
        var bot = await MeasureBotAsync(secret, load, connections, warmUp, seconds, inboxConcurrency, drainLimit);
        var node = await MeasureNodeAsync(secret, new WebhookLoad(secret, users), connections, bot.WarmedUp, seconds);

        Console.WriteLine($"bot:  {bot.Load.RequestsPerSecond:F0} req/s over {connections} connections for {seconds.TotalSeconds:F0} s, " +
                          $"{bot.Load.Failed} not 200, acknowledged {bot.Acknowledged}, stored {bot.Stored}" +
                          (load.TokensMissing > 0 ? $", {load.TokensMissing} sent without a reply token" : ""));
        var drain = bot.Drain is { } drained
            ? string.Create(CultureInfo.InvariantCulture, $"drained {drained.TotalSeconds:F1} s after the load stopped")
            : $"not drained {drainLimit.TotalSeconds:F0} s after the load stopped";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"inbox: handled {bot.HandledDuringRun} events during the {seconds.TotalSeconds:F0} s run ({bot.HandledDuringRun / seconds.TotalSeconds:F0}/s, {bot.Load.RequestsPerSecond:F0}/s acknowledged); {drain}; " +
            $"cpu per event handled while draining: bot {bot.DrainCpuUsPerEvent:F0} us, emulator {bot.DrainEmulatorCpuUsPerEvent:F0} us"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"warm-up: {bot.WarmedUp.TotalSeconds:F0} s for both (until the bot's JIT used under {QuietJitShare:P0} of a core); bot JIT during the measured run {bot.JitCpuUs:F0} us per request"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bot cpu per request: bot {bot.BotCpuUs:F0} us, emulator {bot.EmulatorCpuUs:F0} us, load generator {bot.GeneratorCpuUs:F0} us; " +
            $"node cpu per request: node {node.ServerCpuUs:F0} us, load generator {node.GeneratorCpuUs:F0} us"));
        Console.WriteLine($"node: {node.Load.RequestsPerSecond:F0} req/s, p50 {node.Load.Percentile(50):F2} ms, p99 {node.Load.Percentile(99):F2} ms, {node.Load.Failed} not 200");
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"webhook: {bot.Load.RequestsPerSecond:F0} req/s, p50 {bot.Load.Percentile(50):F2} ms, p99 {bot.Load.Percentile(99):F2} ms, " +
            $"node {node.Load.RequestsPerSecond:F0} req/s, ratio {bot.Load.RequestsPerSecond / node.Load.RequestsPerSecond:F2}, lost {Math.Max(0, bot.Acknowledged - bot.Stored)}"));
    }

    private static async Task<BotRun> MeasureBotAsync(
        string secret, WebhookLoad load, int connections, TimeSpan warmUp, TimeSpan seconds, string? inboxConcurrency, TimeSpan drainLimit)
    {
        var dll = await Commands.BuildBotAsync();
        await using var emulator = await EmulatorProcess.StartAsync(secret);
        var data = Directory.CreateTempSubdirectory("outreachbot-bench-").FullName;
        var database = Path.Combine(data, "bench.db");
        var port = ChildProcess.FreePort();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Line__ChannelSecret"] = secret,
            ["Line__ChannelAccessToken"] = EmulatorOptions.DefaultChannelAccessToken,
            ["Line__ApiBaseUrl"] = emulator.BaseUrl.ToString(),
            ["Line__DataApiBaseUrl"] = emulator.BaseUrl.ToString(),
            ["Storage__ConnectionString"] = $"Data Source={database}",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        if (inboxConcurrency is not null)
        {
            environment["Inbox__Concurrency"] = inboxConcurrency;
        }

        await using var bot = ChildProcess.Start("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"], Path.GetDirectoryName(dll)!, environment);
        var url = new Uri($"http://127.0.0.1:{port}");
        await bot.WaitUntilServingAsync(new Uri(url, "/healthz"), TimeSpan.FromSeconds(60));

        var tokens = (int)((warmUp + seconds).TotalSeconds * ReplyTokensPerSecond);
        load.UseReplyTokens(await emulator.IssueReplyTokensAsync(load.NextUsers(tokens)));
        var (warmedUp, warmAcknowledged) = await WarmUpAsync(bot, url, connections, warmUp, load.NextRequest);
        var handledBefore = await CountHandledAsync(database);
        var (botCpu, botJit, emulatorCpu, generatorCpu) = (bot.CpuTime(), bot.JitCpuTime(), emulator.Process.CpuTime(), Process.GetCurrentProcess().TotalProcessorTime);
        var measured = await LoadGenerator.RunAsync(url, connections, seconds, load.NextRequest);
        var requests = measured.Ok + measured.Failed;
        var jitCpuUs = PerRequestUs(bot.JitCpuTime() - botJit, requests);
        var (botCpuUs, emulatorCpuUs, generatorCpuUs) = (
            PerRequestUs(bot.CpuTime() - botCpu, requests),
            PerRequestUs(emulator.Process.CpuTime() - emulatorCpu, requests),
            PerRequestUs(Process.GetCurrentProcess().TotalProcessorTime - generatorCpu, requests));
        var stored = await CountAsync(database, "SELECT COUNT(*) FROM inbox_events");
        var handledAfterRun = await CountHandledAsync(database);
        var handledDuringRun = handledAfterRun - handledBefore;
        var (botCpuAfterRun, emulatorCpuAfterRun) = (bot.CpuTime(), emulator.Process.CpuTime());
        var drain = await WaitForDrainAsync(database, drainLimit);
        // With no webhook arriving, the bot's CPU goes to handling events and the emulator's to answering their
        // replies: this is what each one costs.
        var handledWhileDraining = (int)(await CountHandledAsync(database) - handledAfterRun);
        var drainCpuUs = PerRequestUs(bot.CpuTime() - botCpuAfterRun, handledWhileDraining);
        var drainEmulatorCpuUs = PerRequestUs(emulator.Process.CpuTime() - emulatorCpuAfterRun, handledWhileDraining);
        var run = new BotRun(
            measured, warmedUp, warmAcknowledged + measured.Ok, stored, handledDuringRun, drain, botCpuUs, jitCpuUs, emulatorCpuUs, generatorCpuUs,
            drainCpuUs, drainEmulatorCpuUs);
        await bot.DisposeAsync();
        Directory.Delete(data, recursive: true);
        return run;
    }

    /// <summary>
    /// Loads the bot for at least <paramref name="minimum"/>, then 5 s at a time until its tiered compiler is quiet or a
    /// minute has passed. The measured run is then the bot as it runs for weeks: in its first 10-20 s the compiler still
    /// recompiles hot methods with about a third of the process's CPU (perf, two cores).
    /// </summary>
    private static async Task<(TimeSpan WarmedUp, int Acknowledged)> WarmUpAsync(
        ChildProcess bot, Uri url, int connections, TimeSpan minimum, Func<HttpRequestMessage> nextRequest)
    {
        var clock = Stopwatch.StartNew();
        var acknowledged = (await LoadGenerator.RunAsync(url, connections, minimum, nextRequest)).Ok;
        while (clock.Elapsed < MaxWarmUp)
        {
            var jitBefore = bot.JitCpuTime();
            acknowledged += (await LoadGenerator.RunAsync(url, connections, WarmUpStep, nextRequest)).Ok;
            if (bot.JitCpuTime() - jitBefore < WarmUpStep * QuietJitShare)
            {
                break;
            }
        }

        return (clock.Elapsed, acknowledged);
    }

    private static async Task<NodeRun> MeasureNodeAsync(string secret, WebhookLoad load, int connections, TimeSpan warmUp, TimeSpan seconds)
    {
        var port = ChildProcess.FreePort();
        await using var node = await NodeSdkBaseline.StartAsync(secret, port);
        var url = new Uri($"http://127.0.0.1:{port}");
        await LoadGenerator.RunAsync(url, connections, warmUp, load.NextRequest);
        var (nodeCpu, generatorCpu) = (node.CpuTime(), Process.GetCurrentProcess().TotalProcessorTime);
        var measured = await LoadGenerator.RunAsync(url, connections, seconds, load.NextRequest);
        var requests = measured.Ok + measured.Failed;
        return new NodeRun(
            measured,
            PerRequestUs(node.CpuTime() - nodeCpu, requests),
            PerRequestUs(Process.GetCurrentProcess().TotalProcessorTime - generatorCpu, requests));
    }

    private static double PerRequestUs(TimeSpan cpu, int requests) => requests == 0 ? double.NaN : cpu.TotalMicroseconds / requests;

    private static Task<long> CountHandledAsync(string database) => CountAsync(database, "SELECT COUNT(*) FROM inbox_events WHERE state <> 'pending'");

    /// <summary>How long after the load the processor took to handle every stored event; null when it had not within the limit.</summary>
    private static async Task<TimeSpan?> WaitForDrainAsync(string database, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (await CountAsync(database, "SELECT COUNT(*) FROM inbox_events WHERE state = 'pending'") > 0)
        {
            if (clock.Elapsed > limit)
            {
                return null;
            }

            await Task.Delay(50);
        }

        return clock.Elapsed;
    }

    private static async Task<long> CountAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private sealed record BotRun(
        LoadResult Load,
        TimeSpan WarmedUp,
        long Acknowledged,
        long Stored,
        long HandledDuringRun,
        TimeSpan? Drain,
        double BotCpuUs,
        double JitCpuUs,
        double EmulatorCpuUs,
        double GeneratorCpuUs,
        double DrainCpuUsPerEvent,
        double DrainEmulatorCpuUsPerEvent);

    private sealed record NodeRun(LoadResult Load, double ServerCpuUs, double GeneratorCpuUs);
}
