using Microsoft.Extensions.DependencyInjection;
using OutreachBot.LineEmulator.Hosting;

namespace OutreachBot.Tests.Infrastructure;

/// <summary>A database, the LINE emulator and the bot talking to it over real HTTP: the setting of conversation tests.</summary>
public sealed class ConversationHost : IAsyncDisposable
{
    private ConversationHost(TestDatabase database, LineEmulatorServer line, TestBot bot)
    {
        Database = database;
        Line = line;
        Bot = bot;
    }

    public TestDatabase Database { get; }

    public LineEmulatorServer Line { get; }

    public TestBot Bot { get; private set; }

    /// <param name="settings">Bot settings over the test defaults; rich menus are off unless a test turns them on.</param>
    public static async Task<ConversationHost> StartAsync(
        string provider, IReadOnlyDictionary<string, string?>? settings = null, EmulatorOptions? emulator = null)
    {
        var database = TestDatabase.Create(provider);
        var line = await LineEmulatorServer.StartAsync(emulator ?? new EmulatorOptions { ChannelSecret = TestBot.ChannelSecret });
        var bot = new TestBot(database, settings: Merge(settings), line: line);
        _ = bot.Server; // start it now, so that seeding and migrations are done before the first webhook
        return new ConversationHost(database, line, bot);
    }

    /// <summary>
    /// Stops the bot and starts a new one on the same database and emulator, as a restart would; with
    /// <paramref name="services"/>, as a deploy of a bot with more in it would.
    /// </summary>
    public async Task RestartAsync(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        await Bot.DisposeAsync();
        Bot = new TestBot(Database, services, Merge(settings), Line);
        _ = Bot.Server;
    }

    /// <summary>A citizen whose LINE profile has <paramref name="language"/>; the emulator delivers to them.</summary>
    public CitizenChat Citizen(string userId, string language = "ja", string name = "市民 太郎")
    {
        Line.AddFollower(userId, name, language);
        return new CitizenChat(this, userId);
    }

    public Task<T> ScalarAsync<T>(string sql) => Database.ScalarAsync<T>(sql);

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Line.DisposeAsync();
        await Database.DisposeAsync();
    }

    private static Dictionary<string, string?> Merge(IReadOnlyDictionary<string, string?>? settings)
    {
        // Tests talk faster than any citizen; the answer limit has tests of its own.
        var all = new Dictionary<string, string?> { ["Conversations:RichMenu:Enabled"] = "false", ["Conversations:AnswerBurst"] = "1000" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return all;
    }
}
