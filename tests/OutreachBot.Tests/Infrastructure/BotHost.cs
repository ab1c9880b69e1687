namespace OutreachBot.Tests.Infrastructure;

/// <summary>A bot on its own database for one test, with events recorded instead of answered.</summary>
public abstract class BotHost(string provider, IReadOnlyDictionary<string, string?>? settings = null) : IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = null!;

    protected TestBot Bot { get; private set; } = null!;

    public virtual Task InitializeAsync()
    {
        Database = TestDatabase.Create(provider);
        Bot = new TestBot(Database, RecordingHandler.Register, settings);
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Database.DisposeAsync();
    }
}
