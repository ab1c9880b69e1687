using System.ComponentModel.DataAnnotations;

namespace OutreachBot.StaffConsole;

/// <summary>The <c>Console</c> settings: the staff console's accounts, sessions and the first admin.</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Console";

    /// <summary>First start only (no staff account yet): the first admin's password, to be changed at first sign-in.</summary>
    public string? BootstrapAdminPassword { get; set; }

    public string BootstrapAdminUsername { get; set; } = "admin";

    /// <summary>Wrong passwords in a row from one address that lock the account, for that address only, for <see cref="LockoutDuration"/>.</summary>
    [Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Failed sign-ins from one address in a minute after which its further attempts wait (see <see cref="SignInThrottle"/>).</summary>
    [Range(1, 1000)]
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>A session ends after this long without a request (sliding); closing the browser ends it too.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>A session ends this long after sign-in, however busy it is.</summary>
    public TimeSpan SessionMaxLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How long the dashboard waits for LINE's quota before it shows the quota as unavailable.</summary>
    public TimeSpan QuotaTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Set by local mode when it made the bootstrap password up, so that the person running the bot is told it.</summary>
    internal bool AnnounceBootstrapPassword { get; set; }
}
