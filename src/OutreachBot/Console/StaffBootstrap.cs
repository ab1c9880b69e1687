using Microsoft.Extensions.Options;

namespace OutreachBot.StaffConsole;

/// <summary>
/// On a first start (no staff account yet) creates the first admin from <c>Console:BootstrapAdminPassword</c>, who
/// must change that password at first sign-in. Once any account exists the setting does nothing.
/// </summary>
internal sealed partial class StaffBootstrap(
    StaffAccountStore accounts,
    StaffPasswords passwords,
    AuditLog audit,
    IOptions<ConsoleOptions> options,
    TimeProvider time,
    ILogger<StaffBootstrap> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await accounts.CountAsync(cancellationToken) > 0)
        {
            return;
        }

        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.BootstrapAdminPassword))
        {
            LogNoAccount();
            return;
        }

        var draft = new StaffAccountDraft(settings.BootstrapAdminUsername, settings.BootstrapAdminUsername, StaffRole.Admin);
        var created = await accounts.CreateAsync(
            draft, passwords.Hash(settings.BootstrapAdminPassword), mustChangePassword: true, time.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
        if (created is null)
        {
            return; // another instance starting at the same moment made it
        }

        await audit.WriteAsync(null, AuditActions.AccountCreated, created.Username, "bootstrap admin (Console:BootstrapAdminPassword)", null, cancellationToken);
        if (settings.AnnounceBootstrapPassword)
        {
            LogLocalModeAdmin(created.Username, settings.BootstrapAdminPassword);
        }
        else
        {
            LogCreated(created.Username);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "No staff account exists and Console:BootstrapAdminPassword is not set: nobody can sign in to the console.")]
    private partial void LogNoAccount();

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first console admin '{Username}' from Console:BootstrapAdminPassword; the password must be changed at first sign-in.")]
    private partial void LogCreated(string username);

    // Local mode only, on this machine: the password was made up a moment ago, must be changed at first use, and is
    // useless once it has been, so showing it once is how the person running the bot gets in.
    [LoggerMessage(Level = LogLevel.Warning, Message = "LOCAL MODE: created the first console admin. Sign in as '{Username}' with the one-time password {Password} and choose your own.")]
    private partial void LogLocalModeAdmin(string username, string password);
}
