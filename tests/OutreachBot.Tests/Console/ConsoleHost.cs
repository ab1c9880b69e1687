using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.StaffConsole;

/// <summary>A bot on its own database for one console test, with a known first administrator's password.</summary>
public abstract class ConsoleHost(string provider, IReadOnlyDictionary<string, string?>? settings = null)
    : BotHost(provider, WithBootstrapPassword(settings))
{
    public const string BootstrapPassword = "first-start-password";

    protected Task<long> CountAuditAsync(string action, string? actor = null) =>
        Database.ScalarAsync<long>(
            $"SELECT COUNT(*) FROM audit_log WHERE action = '{action}'" + (actor is null ? "" : $" AND actor = '{actor}'"));

    private static Dictionary<string, string?> WithBootstrapPassword(IReadOnlyDictionary<string, string?>? settings)
    {
        var all = new Dictionary<string, string?> { ["Console:BootstrapAdminPassword"] = BootstrapPassword };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return all;
    }
}
