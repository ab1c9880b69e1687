using Microsoft.Extensions.DependencyInjection;
using OutreachBot.LineEmulator.Hosting;

namespace OutreachBot.Tests.Infrastructure;

/// <summary>
/// The one place a test builds a bot: its own database, the LINE emulator over real HTTP when asked for (without it the
/// bot's LINE client talks to a closed port), and bot instances, in-process or as real processes, all on one settings
/// merge. Disposing the world stops every bot it started, then the emulator, then drops the database.
/// </summary>
public sealed class TestWorld : IAsyncDisposable
{
    private const string ClosedPort = "http://127.0.0.1:9";
    private readonly LineEmulatorServer? _line;
    private readonly List<IAsyncDisposable> _bots = [];
    private TestBot? _bot;

    private TestWorld(TestDatabase database, LineEmulatorServer? line)
    {
        Database = database;
        _line = line;
    }

    public TestDatabase Database { get; }

    public LineEmulatorServer Line => _line ?? throw new InvalidOperationException("This world has no LINE emulator: start it with EmulatorOptions.");

    /// <summary>The in-process bot created last.</summary>
    public TestBot Bot => _bot ?? throw new InvalidOperationException("No bot started in this world yet.");

    /// <param name="emulator">The emulator's options; null for a world without one.</param>
    public static async Task<TestWorld> StartAsync(string provider, EmulatorOptions? emulator = null)
    {
        var database = TestDatabase.Create(provider);
        var line = emulator is null ? null : await LineEmulatorServer.StartAsync(emulator);
        return new TestWorld(database, line);
    }

    /// <summary>A world with an in-process bot, already started (migrated and seeded).</summary>
    public static async Task<TestWorld> StartWithBotAsync(
        string provider,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        EmulatorOptions? emulator = null,
        IReadOnlyDictionary<string, string?>? roleSettings = null)
    {
        var world = await StartAsync(provider, emulator);
        world.StartBot(settings, services, roleSettings);
        return world;
    }

    /// <summary>The test defaults, then each layer over them in order; keys as <c>Section:Key</c> or <c>Section__Key</c>.</summary>
    public Dictionary<string, string?> Settings(params IReadOnlyDictionary<string, string?>?[] layers)
    {
        var lineUrl = _line?.BaseUrl.ToString() ?? ClosedPort;
        var all = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = Database.Provider,
            ["Storage:ConnectionString"] = Database.ConnectionString,
            ["Line:ChannelSecret"] = TestBot.ChannelSecret,
            ["Line:ChannelAccessToken"] = EmulatorOptions.DefaultChannelAccessToken,
            ["Line:ApiBaseUrl"] = lineUrl,
            ["Line:DataApiBaseUrl"] = lineUrl,
            ["Line:RetryBaseDelay"] = "00:00:00.010",
            ["Line:MaxRetryDelay"] = "00:00:00.100",
            ["Api:Keys:0:Key"] = TestBot.ApiKey,
            ["Api:Keys:0:Account"] = TestBot.ApiKeyAccount,
            ["Api:Keys:0:Role"] = "admin",
            ["Inbox:FirstRetryDelay"] = "00:00:00.020",
            ["Inbox:MaxRetryDelay"] = "00:00:00.100",
            ["Inbox:PollInterval"] = "00:00:00.020",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (_line is not null)
        {
            all["Meta:GraphApiBaseUrl"] = lineUrl; // the emulator plays Meta's Graph API on the same server
        }

        foreach (var layer in layers)
        {
            foreach (var (key, value) in layer ?? new Dictionary<string, string?>())
            {
                all[key.Replace("__", ":", StringComparison.Ordinal)] = value;
            }
        }

        return all;
    }

    /// <summary>Starts an in-process bot on this world, which becomes <see cref="Bot"/>; any earlier one keeps running.</summary>
    /// <param name="roleSettings">What a role's view (console, broadcasts, conversations) sets over the defaults; the test's settings go over it.</param>
    public TestBot StartBot(
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string?>? roleSettings = null)
    {
        var bot = CreateBot(settings, services, roleSettings);
        _ = bot.Server; // start it now, so that migrations and seeding are done before the first request
        return bot;
    }

    /// <summary>An in-process bot that starts on its first use, for tests that watch what starting does.</summary>
    public TestBot CreateBot(
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string?>? roleSettings = null)
    {
        var bot = new TestBot(Database, Settings(roleSettings, settings), services);
        _bots.Add(bot);
        _bot = bot;
        return bot;
    }

    /// <summary>An in-process bot on a real port (Kestrel), for a browser or the emulator's chat to reach; see <see cref="TestBot.Address"/>.</summary>
    public TestBot StartBotOnPort(
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string?>? roleSettings = null)
    {
        var bot = CreateBot(settings, services, roleSettings);
        bot.UseKestrel(0);
        bot.StartServer();
        return bot;
    }

    /// <summary>Stops <see cref="Bot"/> and starts another on the same database and emulator, as a restart or a deploy would.</summary>
    public async Task<TestBot> RestartAsync(
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string?>? roleSettings = null)
    {
        await StopAsync(Bot);
        return StartBot(settings, services, roleSettings);
    }

    /// <summary>Stops a bot of this world before the world ends, as a test that shuts a bot down does.</summary>
    public async Task StopAsync(IAsyncDisposable bot)
    {
        _bots.Remove(bot);
        await bot.DisposeAsync();
    }

    /// <summary>The bot as its own process (its real build), started but not yet ready: see <see cref="BotProcess.WaitReadyAsync"/>.</summary>
    public BotProcess StartProcess(string name, IReadOnlyDictionary<string, string?>? settings = null, IReadOnlyDictionary<string, string?>? roleSettings = null)
    {
        var environment = Settings(roleSettings, settings)
            .Where(s => s.Value is not null)
            .ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
        var process = BotProcess.Start(name, environment);
        _bots.Add(process);
        return process;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var bot in _bots)
        {
            await bot.DisposeAsync();
        }

        if (_line is not null)
        {
            await _line.DisposeAsync();
        }

        await Database.DisposeAsync();
    }
}
