namespace OutreachBot.Tests.Infrastructure;

/// <summary>A world with one bot for one test, with events recorded instead of answered and no LINE emulator.</summary>
/// <param name="roleSettings">What a role's view sets over the test defaults; <paramref name="settings"/> go over it.</param>
public abstract class BotHost(
    string provider, IReadOnlyDictionary<string, string?>? settings = null, IReadOnlyDictionary<string, string?>? roleSettings = null)
    : IAsyncLifetime
{
    protected TestWorld World { get; private set; } = null!;

    protected TestDatabase Database => World.Database;

    protected TestBot Bot => World.Bot;

    public virtual async Task InitializeAsync() =>
        World = await TestWorld.StartWithBotAsync(provider, settings, RecordingHandler.Register, roleSettings: roleSettings);

    public virtual async Task DisposeAsync() => await World.DisposeAsync();
}
