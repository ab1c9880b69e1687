using Microsoft.Extensions.DependencyInjection;
using OutreachBot.LineEmulator.Hosting;

namespace OutreachBot.Tests.Infrastructure;

/// <summary>A world whose bot talks with citizens through the LINE emulator: the view of conversation tests.</summary>
public sealed class ConversationHost : IAsyncDisposable
{
    // Tests talk faster than any citizen; the answer limit has tests of its own.
    private static readonly Dictionary<string, string?> RoleSettings = new()
    {
        ["Conversations:RichMenu:Enabled"] = "false",
        ["Conversations:AnswerBurst"] = "1000",
    };

    private ConversationHost(TestWorld world) => World = world;

    public TestWorld World { get; }

    public TestDatabase Database => World.Database;

    public LineEmulatorServer Line => World.Line;

    public TestBot Bot => World.Bot;

    /// <param name="settings">Bot settings over the test defaults; rich menus are off unless a test turns them on.</param>
    public static async Task<ConversationHost> StartAsync(
        string provider,
        IReadOnlyDictionary<string, string?>? settings = null,
        EmulatorOptions? emulator = null,
        Action<IServiceCollection>? services = null) =>
        new(await TestWorld.StartWithBotAsync(
            provider, settings, services, emulator ?? new EmulatorOptions { ChannelSecret = TestBot.ChannelSecret }, RoleSettings));

    /// <summary>
    /// Stops the bot and starts a new one on the same database and emulator, as a restart would; with
    /// <paramref name="services"/>, as a deploy of a bot with more in it would.
    /// </summary>
    public Task RestartAsync(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        World.RestartAsync(settings, services, RoleSettings);

    /// <summary>A citizen whose LINE profile has <paramref name="language"/>; the emulator delivers to them.</summary>
    public CitizenChat Citizen(string userId, string language = "ja", string name = "市民 太郎")
    {
        Line.AddFollower(userId, name, language);
        return new CitizenChat(this, userId);
    }

    public Task<T> ScalarAsync<T>(string sql) => Database.ScalarAsync<T>(sql);

    public ValueTask DisposeAsync() => World.DisposeAsync();
}
