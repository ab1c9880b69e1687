using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace OutreachBot.StaffConsole;

/// <summary>Checks a username and password, keeps the count of failures and the lockout, and audits every attempt.</summary>
public sealed class StaffSignIn(
    StaffAccountStore accounts, StaffPasswords passwords, AuditLog audit, IOptions<ConsoleOptions> options, TimeProvider time)
{
    public async Task<SignInResult> CheckAsync(string username, string password, string? remoteIp, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var found = await accounts.FindForSignInAsync(username, cancellationToken);
        var name = StaffAccount.Normalize(username);
        if (found is not { } match)
        {
            passwords.VerifyDecoy(password);
            await audit.WriteAsync(null, AuditActions.SignInFailed, name, "unknown username", remoteIp, cancellationToken);
            return new(SignInOutcome.WrongCredentials, null);
        }

        var (account, hash) = match;
        if (hash == StaffAccountStore.NoPassword)
        {
            // An account made for an API key in the settings: no console password until an admin sets one.
            passwords.VerifyDecoy(password);
            await audit.WriteAsync(account.Username, AuditActions.SignInFailed, account.Username, "no console password set", remoteIp, cancellationToken);
            return new(SignInOutcome.WrongCredentials, account);
        }

        if (account.IsLockedAt(now))
        {
            // The password is not even checked while locked, so guessing on gains nothing.
            await audit.WriteAsync(account.Username, AuditActions.SignInLocked, account.Username, "attempt while locked", remoteIp, cancellationToken);
            return new(SignInOutcome.LockedOut, account);
        }

        var verified = passwords.Verify(hash, password);
        if (verified == PasswordVerificationResult.Failed)
        {
            var settings = options.Value;
            var locked = await accounts.RecordFailureAsync(account.Id, settings.MaxFailedSignIns, now + (long)settings.LockoutDuration.TotalMilliseconds, cancellationToken);
            await audit.WriteAsync(
                account.Username, locked ? AuditActions.SignInLocked : AuditActions.SignInFailed, account.Username,
                locked ? $"locked after {settings.MaxFailedSignIns} wrong passwords" : "wrong password", remoteIp, cancellationToken);
            return new(locked ? SignInOutcome.LockedOut : SignInOutcome.WrongCredentials, account);
        }

        if (account.Disabled)
        {
            await audit.WriteAsync(account.Username, AuditActions.SignInFailed, account.Username, "account disabled", remoteIp, cancellationToken);
            return new(SignInOutcome.Disabled, account);
        }

        var rehashed = verified == PasswordVerificationResult.SuccessRehashNeeded ? passwords.Hash(password) : null;
        await accounts.RecordSuccessAsync(account.Id, now, rehashed, cancellationToken);
        await audit.WriteAsync(account.Username, AuditActions.SignInSucceeded, account.Username, null, remoteIp, cancellationToken);
        return new(SignInOutcome.Succeeded, account);
    }

    /// <summary>The session's identity: what the cookie carries and what every request re-checks against the account.</summary>
    public static ClaimsPrincipal PrincipalFor(StaffAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, account.Username),
            new(StaffClaims.DisplayName, account.DisplayName),
            new(ClaimTypes.Role, account.Role.Code()),
            new(StaffClaims.SecurityStamp, account.SecurityStamp),
        ];
        if (account.MustChangePassword)
        {
            claims.Add(new(StaffClaims.MustChangePassword, "true"));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, StaffCookie.Scheme));
    }
}

public enum SignInOutcome
{
    Succeeded,
    WrongCredentials,
    LockedOut,
    Disabled,
}

public sealed record SignInResult(SignInOutcome Outcome, StaffAccount? Account);

public static class StaffClaims
{
    public const string DisplayName = "ob:display_name";
    public const string SecurityStamp = "ob:stamp";
    public const string MustChangePassword = "ob:must_change_password";

    public static long? AccountId(this ClaimsPrincipal user) =>
        long.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    public static bool MustChangePasswordNow(this ClaimsPrincipal user) => user?.HasClaim(MustChangePassword, "true") == true;
}
