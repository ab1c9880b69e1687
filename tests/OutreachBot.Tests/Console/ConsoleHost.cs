using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.StaffConsole;

/// <summary>A world with one bot for one console test, with a known first administrator's password.</summary>
public abstract class ConsoleHost(string provider, IReadOnlyDictionary<string, string?>? settings = null)
    : BotHost(provider, settings, new Dictionary<string, string?> { ["Console:BootstrapAdminPassword"] = BootstrapPassword })
{
    public const string BootstrapPassword = "first-start-password";

    protected Task<long> CountAuditAsync(string action, string? actor = null) =>
        Database.ScalarAsync<long>(
            $"SELECT COUNT(*) FROM audit_log WHERE action = '{action}'" + (actor is null ? "" : $" AND actor = '{actor}'"));
}
