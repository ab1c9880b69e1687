using System.Diagnostics;
using System.Globalization;
using OutreachBot.Bench.Harness;
using OutreachBot.LineEmulator.Hosting;

namespace OutreachBot.Bench.Webhook;

/// <summary>
/// <c>webhook</c>: signed webhooks with unique event ids over many connections, against the bot (a Release build in its
/// own process, SQLite file, replies going to the LINE emulator in a third process) and against the official Node.js
/// SDK's middleware, in alternating rounds: the other server is suspended meanwhile, so neither disturbs the other and
/// both meet the same changes in the machine's speed. Prints requests/s, latency percentiles, events stored versus
/// acknowledged, and the CPU time each process spent per request.
/// </summary>
public static class WebhookBenchmark
{
    /// <summary>Reply tokens fetched per second of load; past them the bot answers by push, which still works.</summary>
    private const int ReplyTokensPerSecond = 15_000;

    private static readonly TimeSpan WarmUpStep = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxWarmUp = TimeSpan.FromSeconds(60);

    /// <summary>The share of one core under which the bot's tiered compiler counts as done with the hot paths.</summary>
    private const double QuietJitShare = 0.05;

    /// <summary>How much faster than its best a step of node's warm-up must be for it to count as still warming up.</summary>
    private const double NodeStillWarmingUp = 1.03;

    public static async Task RunAsync(BenchArguments arguments)
    {
        var settings = new Settings(
            Measured: TimeSpan.FromSeconds(arguments.Number("seconds", 20)),
            Rounds: Math.Max(1, (int)arguments.Number("rounds", 4)),
            // The least warm-up; the bot's goes on until its compiler is quiet (WarmUpAsync), node's until it is no faster (WarmUpNodeAsync).
            WarmUp: TimeSpan.FromSeconds(arguments.Number("warmup", 10)),
            Connections: (int)arguments.Number("connections", 64),
            Users: (int)arguments.Number("users", 1000),
            InboxConcurrency: arguments.Text("inbox-concurrency"),
            DrainLimit: TimeSpan.FromSeconds(arguments.Number("drain-limit", 300)),
            Secret: "bench-" + Guid.NewGuid().ToString("N"));
        var data = Directory.CreateTempSubdirectory("outreachbot-bench-").FullName;
        try
        {
            Print(settings, await MeasureAsync(settings, Path.Combine(data, "bench.db")));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static void Print(Settings settings, Run run)
    {
        var (bot, node) = (run.Bot.Total, run.Node.Total);
        var seconds = settings.Measured.TotalSeconds;
        Console.WriteLine($"bot:  {bot.RequestsPerSecond:F0} req/s over {settings.Connections} connections for {seconds:F0} s, " +
                          $"{bot.Failed} not 200, acknowledged {run.Acknowledged}, stored {run.Stored}" +
                          (run.TokensMissing > 0 ? $", {run.TokensMissing} sent without a reply token" : ""));
        Console.WriteLine($"rounds of {seconds / settings.Rounds:F1} s, req/s: bot {Figures(run.Bot.RequestsPerSecondByRound)}; node {Figures(run.Node.RequestsPerSecondByRound)}");
        var drain = run.Drain is { } drained
            ? string.Create(CultureInfo.InvariantCulture, $"drained {drained.TotalSeconds:F1} s after the load stopped")
            : $"not drained {settings.DrainLimit.TotalSeconds:F0} s after the load stopped";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"inbox: handled {run.HandledDuringRounds} events during the bot's {seconds:F0} s ({run.HandledDuringRounds / seconds:F0}/s, {bot.RequestsPerSecond:F0}/s acknowledged); {drain}; " +
            $"cpu per event handled while draining: bot {run.DrainCpuUsPerEvent:F0} us, emulator {run.DrainEmulatorCpuUsPerEvent:F0} us"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"warm-up: bot {run.WarmedUp.TotalSeconds:F0} s (until its JIT used under {QuietJitShare:P0} of a core), node {run.NodeWarmedUp.TotalSeconds:F0} s (at least as long, until no faster); bot JIT during the measured rounds {run.Bot.ServerJitCpuUs:F0} us per request"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bot cpu per request: bot {run.Bot.ServerCpuUs:F0} us, emulator {run.Bot.CompanionCpuUs:F0} us, load generator {run.Bot.GeneratorCpuUs:F0} us; " +
            $"node cpu per request: node {run.Node.ServerCpuUs:F0} us, load generator {run.Node.GeneratorCpuUs:F0} us"));
        Console.WriteLine($"node: {node.RequestsPerSecond:F0} req/s, p50 {node.Percentile(50):F2} ms, p99 {node.Percentile(99):F2} ms, {node.Failed} not 200");
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"webhook: {bot.RequestsPerSecond:F0} req/s, p50 {bot.Percentile(50):F2} ms, p99 {bot.Percentile(99):F2} ms, " +
            $"node {node.RequestsPerSecond:F0} req/s, ratio {bot.RequestsPerSecond / node.RequestsPerSecond:F2}, lost {Math.Max(0, run.Acknowledged - run.Stored)}"));
    }

    private static string Figures(IEnumerable<double> values) => string.Join(' ', values.Select(v => v.ToString("F0", CultureInfo.InvariantCulture)));

    private static async Task<Run> MeasureAsync(Settings settings, string database)
    {
        var dll = await Commands.BuildBotAsync();
        await using var emulator = await EmulatorProcess.StartAsync(settings.Secret);
        var botUrl = new Uri($"http://127.0.0.1:{ChildProcess.FreePort()}");
        await using var bot = StartBot(dll, botUrl, database, emulator, settings);
        await bot.WaitUntilServingAsync(new Uri(botUrl, "/healthz"), TimeSpan.FromSeconds(60));
        var botLoad = new WebhookLoad(settings.Secret, settings.Users);
        var tokens = (int)((settings.WarmUp + settings.Measured).TotalSeconds * ReplyTokensPerSecond);
        botLoad.UseReplyTokens(await emulator.IssueReplyTokensAsync(botLoad.NextUsers(tokens)));
        var (warmedUp, warmAcknowledged) = await WarmUpAsync(bot, botUrl, settings.Connections, settings.WarmUp, botLoad.NextRequest);
        var botSide = new Contender([bot, emulator.Process], botUrl, botLoad);
        botSide.Suspend();

        var nodeUrl = new Uri($"http://127.0.0.1:{ChildProcess.FreePort()}");
        await using var node = await NodeSdkBaseline.StartAsync(settings.Secret, nodeUrl.Port);
        var nodeLoad = new WebhookLoad(settings.Secret, settings.Users);
        var nodeWarmedUp = await WarmUpNodeAsync(nodeUrl, settings.Connections, warmedUp, nodeLoad.NextRequest);
        var nodeSide = new Contender([node], nodeUrl, nodeLoad);

        var handled = await AlternateAsync(botSide, nodeSide, settings, database);
        await node.DisposeAsync();
        botSide.Resume();
        var stored = await SqliteCounts.CountAsync(database, "SELECT COUNT(*) FROM inbox_events");
        var (handledBeforeDrain, botCpu, emulatorCpu) = (await CountHandledAsync(database), bot.CpuTime(), emulator.Process.CpuTime());
        var drain = await WaitForDrainAsync(database, settings.DrainLimit);
        // With no webhook arriving, the bot's CPU goes to handling events and the emulator's to answering their
        // replies: this is what each one costs.
        var handledWhileDraining = (int)(await CountHandledAsync(database) - handledBeforeDrain);
        return new Run(
            botSide.Rounds, nodeSide.Rounds, warmedUp, nodeWarmedUp, warmAcknowledged + botSide.Rounds.Total.Ok, stored, botLoad.TokensMissing, handled, drain,
            PerEventUs(bot.CpuTime() - botCpu, handledWhileDraining),
            PerEventUs(emulator.Process.CpuTime() - emulatorCpu, handledWhileDraining));
    }

    /// <summary>The measured rounds, the bot's first; returns how many events the bot handled during its rounds.</summary>
    private static async Task<long> AlternateAsync(Contender bot, Contender node, Settings settings, string database)
    {
        var round = settings.Measured / settings.Rounds;
        var handled = 0L;
        for (var i = 0; i < settings.Rounds; i++)
        {
            node.Suspend();
            bot.Resume();
            var handledBefore = await CountHandledAsync(database);
            await bot.RunRoundAsync(settings.Connections, round);
            handled += await CountHandledAsync(database) - handledBefore;
            bot.Suspend();
            node.Resume();
            await node.RunRoundAsync(settings.Connections, round);
        }

        return handled;
    }

    private static ChildProcess StartBot(string dll, Uri url, string database, EmulatorProcess emulator, Settings settings)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Bot__LocalMode"] = "true", // the LINE emulator over plain http stands in for LINE
            ["Line__ChannelSecret"] = settings.Secret,
            ["Line__ChannelAccessToken"] = EmulatorOptions.DefaultChannelAccessToken,
            ["Line__ApiBaseUrl"] = emulator.BaseUrl.ToString(),
            ["Line__DataApiBaseUrl"] = emulator.BaseUrl.ToString(),
            ["Storage__ConnectionString"] = $"Data Source={database}",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        if (settings.InboxConcurrency is { } concurrency)
        {
            environment["Inbox__Concurrency"] = concurrency;
        }

        return ChildProcess.Start("dotnet", [dll, "--urls", url.ToString()], Path.GetDirectoryName(dll)!, environment);
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

    /// <summary>
    /// Loads node for at least <paramref name="minimum"/> (the bot's warm-up), then 5 s at a time until a step is not
    /// faster than the best before it, or a minute has passed: V8 kept getting faster for a while (4,100, 4,500, then
    /// 5,100 req/s in three 10 s runs after a 5 s warm-up), and the comparison is with node at its best.
    /// </summary>
    private static async Task<TimeSpan> WarmUpNodeAsync(Uri url, int connections, TimeSpan minimum, Func<HttpRequestMessage> nextRequest)
    {
        var clock = Stopwatch.StartNew();
        await LoadGenerator.RunAsync(url, connections, minimum, nextRequest);
        var best = 0.0;
        while (clock.Elapsed < MaxWarmUp)
        {
            var step = (await LoadGenerator.RunAsync(url, connections, WarmUpStep, nextRequest)).RequestsPerSecond;
            if (step < best * NodeStillWarmingUp)
            {
                break;
            }

            best = Math.Max(best, step);
        }

        return clock.Elapsed;
    }

    private static double PerEventUs(TimeSpan cpu, int events) => events == 0 ? double.NaN : cpu.TotalMicroseconds / events;

    private static Task<long> CountHandledAsync(string database) => SqliteCounts.CountAsync(database, "SELECT COUNT(*) FROM inbox_events WHERE state <> 'pending'");

    /// <summary>How long after the load the processor took to handle every stored event; null when it had not within the limit.</summary>
    private static async Task<TimeSpan?> WaitForDrainAsync(string database, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (await SqliteCounts.CountAsync(database, "SELECT COUNT(*) FROM inbox_events WHERE state = 'pending'") > 0)
        {
            if (clock.Elapsed > limit)
            {
                return null;
            }

            await Task.Delay(50);
        }

        return clock.Elapsed;
    }

    private sealed record Settings(
        TimeSpan Measured, int Rounds, TimeSpan WarmUp, int Connections, int Users, string? InboxConcurrency, TimeSpan DrainLimit, string Secret);

    private sealed record Run(
        LoadRounds Bot,
        LoadRounds Node,
        TimeSpan WarmedUp,
        TimeSpan NodeWarmedUp,
        long Acknowledged,
        long Stored,
        long TokensMissing,
        long HandledDuringRounds,
        TimeSpan? Drain,
        double DrainCpuUsPerEvent,
        double DrainEmulatorCpuUsPerEvent);
}
