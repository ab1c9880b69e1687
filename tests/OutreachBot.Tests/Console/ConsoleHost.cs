using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.StaffConsole;

/// <summary>A bot on its own database for one console test.</summary>
public abstract class ConsoleHost(string provider, IReadOnlyDictionary<string, string?>? settings = null) : IAsyncLifetime
{
    public const string BootstrapPassword = "first-start-password";

    protected TestDatabase Database { get; private set; } = null!;

    protected TestBot Bot { get; private set; } = null!;

    public virtual Task InitializeAsync()
    {
        Database = TestDatabase.Create(provider);
        var all = new Dictionary<string, string?> { ["Console:BootstrapAdminPassword"] = BootstrapPassword };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        Bot = new TestBot(Database, RecordingHandler.Register, all);
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Database.DisposeAsync();
    }

    protected Task<long> CountAuditAsync(string action, string? actor = null) =>
        Database.ScalarAsync<long>(
            $"SELECT COUNT(*) FROM audit_log WHERE action = '{action}'" + (actor is null ? "" : $" AND actor = '{actor}'"));
}
