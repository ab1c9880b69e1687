using Microsoft.Extensions.Options;

namespace OutreachBot.StaffConsole;

/// <summary>
/// On a first start (no account that can sign in yet) creates the first admin from <c>Console:BootstrapAdminPassword</c>,
/// who must change that password at first sign-in. Once an account with a console password exists the setting does
/// nothing. Accounts made for API keys have none, so they do not stop it; the one named like the bootstrap admin
/// (made for <c>Console:BootstrapApiKey</c>) becomes it.
/// </summary>
internal sealed partial class StaffBootstrap(
    StaffAccountStore accounts,
    StaffPasswords passwords,
    AuditLog audit,
    IOptions<ConsoleOptions> options,
    TimeProvider time,
    ILogger<StaffBootstrap> logger) : IHostedService
{
    private readonly Lock _gate = new();
    private Task? _run;

    public Task StartAsync(CancellationToken cancellationToken) => EnsureAsync(cancellationToken);

    /// <summary>Runs once per process, whoever asks first: API keys belong to accounts, so their start-up asks before it makes any.</summary>
    public Task EnsureAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _run ??= CreateFirstAdminAsync(cancellationToken);
        }
    }

    private async Task CreateFirstAdminAsync(CancellationToken cancellationToken)
    {
        if (await accounts.AnyWithPasswordAsync(cancellationToken))
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
        var hash = passwords.Hash(settings.BootstrapAdminPassword);
        var now = time.GetUtcNow();
        var created = await accounts.CreateAsync(draft, hash, mustChangePassword: true, now, cancellationToken);
        if (created is null)
        {
            // Taken: by another instance starting at the same moment, or by an account made for an API key.
            if (!await accounts.ClaimAsBootstrapAdminAsync(draft.Username, hash, now, cancellationToken)
                || await accounts.FindAsync(draft.Username, cancellationToken) is not { } claimed)
            {
                return;
            }

            created = claimed;
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "No staff account can sign in and Console:BootstrapAdminPassword is not set: nobody can sign in to the console.")]
    private partial void LogNoAccount();

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first console admin '{Username}' from Console:BootstrapAdminPassword; the password must be changed at first sign-in.")]
    private partial void LogCreated(string username);

    // Local mode only, on this machine: the password was made up a moment ago, must be changed at first use, and is
    // useless once it has been, so showing it once is how the person running the bot gets in.
    [LoggerMessage(Level = LogLevel.Warning, Message = "LOCAL MODE: created the first console admin. Sign in as '{Username}' with the one-time password {Password} and choose your own.")]
    private partial void LogLocalModeAdmin(string username, string password);
}
