using Microsoft.Extensions.Options;
using OutreachBot.StaffConsole;

namespace OutreachBot.Api;

/// <summary>
/// At start, gives every key of the settings its staff account: an account that <c>Api:Keys</c> names and that does not
/// exist is created with the entry's role and no console password (it cannot sign in until an admin sets one). Then
/// stores the key of <c>Console:BootstrapApiKey</c>, once, as the bootstrap admin's. The first admin is made before
/// either, so that these accounts never stand in for it.
/// </summary>
internal sealed partial class ApiKeyBootstrap(
    ApiKeyStore keys,
    StaffAccountStore accounts,
    StaffBootstrap firstAdmin,
    AuditLog audit,
    IOptions<ApiOptions> api,
    IOptions<ConsoleOptions> console,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<ApiKeyBootstrap> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await firstAdmin.EnsureAsync(cancellationToken);
        foreach (var key in api.Value.Keys)
        {
            await AccountAsync(key.Account!, key.ParsedRole!.Value, key.Name, cancellationToken);
        }

        var bootstrapKey = configuration["Console:BootstrapApiKey"];
        if (!string.IsNullOrWhiteSpace(bootstrapKey))
        {
            var owner = await AccountAsync(console.Value.BootstrapAdminUsername, StaffRole.Admin, "Console:BootstrapApiKey", cancellationToken);
            await keys.AddIfMissingAsync("bootstrap", bootstrapKey, owner.Id, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<StaffAccount> AccountAsync(string username, StaffRole role, string setting, CancellationToken cancellationToken)
    {
        if (await accounts.FindAsync(username, cancellationToken) is { } existing)
        {
            return existing;
        }

        var created = await accounts.CreateAsync(
            new StaffAccountDraft(username, username, role), StaffAccountStore.NoPassword, mustChangePassword: true, time.GetUtcNow(), cancellationToken);
        if (created is null)
        {
            return (await accounts.FindAsync(username, cancellationToken))!; // another instance starting at the same moment made it
        }

        var code = role.Code();
        await audit.WriteAsync(null, AuditActions.AccountCreated, created.Username, $"role={code}, for the API key {setting}; no console password until an admin sets one", null, cancellationToken);
        LogCreated(created.Username, code, setting);
        return created;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the staff account '{Username}' ({Role}) for the API key {Setting}; it has no console password until an admin sets one.")]
    private partial void LogCreated(string username, string role, string setting);
}
