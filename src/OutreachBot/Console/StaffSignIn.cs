using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace OutreachBot.StaffConsole;

/// <summary>
/// Checks a username and password, or a staff member's current password on the change form: both count failures per
/// client address (<see cref="SignInThrottle"/>) and per account and address (<see cref="SignInLockouts"/>), and audit.
/// </summary>
public sealed class StaffSignIn(
    StaffAccountStore accounts,
    StaffPasswords passwords,
    SignInLockouts lockouts,
    SignInThrottle throttle,
    AuditLog audit,
    IOptions<ConsoleOptions> options,
    TimeProvider time)
{
    public async Task<SignInResult> CheckAsync(string username, string password, string? remoteIp, CancellationToken cancellationToken)
    {
        var address = SignInAddress.Of(remoteIp);
        if (throttle.Refuses(address))
        {
            return new(SignInOutcome.Throttled, null);
        }

        var found = await accounts.FindForSignInAsync(username, cancellationToken);
        var name = StaffAccount.Normalize(username);
        if (found is not { } match)
        {
            passwords.VerifyDecoy(password);
            throttle.RecordFailure(address);
            await audit.WriteAsync(null, AuditActions.SignInFailed, name, "unknown username", remoteIp, cancellationToken);
            return new(SignInOutcome.WrongCredentials, null);
        }

        var (account, hash) = match;
        if (hash == StaffAccountStore.NoPassword)
        {
            // An account made for an API key in the settings: no console password until an admin sets one.
            passwords.VerifyDecoy(password);
            throttle.RecordFailure(address);
            await audit.WriteAsync(account.Username, AuditActions.SignInFailed, account.Username, "no console password set", remoteIp, cancellationToken);
            return new(SignInOutcome.WrongCredentials, account);
        }

        var (failure, verified) = await CheckPasswordAsync(account, hash, password, remoteIp, "wrong password", cancellationToken);
        if (failure is { } refused)
        {
            return new(refused, account);
        }

        if (account.Disabled)
        {
            await audit.WriteAsync(account.Username, AuditActions.SignInFailed, account.Username, "account disabled", remoteIp, cancellationToken);
            return new(SignInOutcome.Disabled, account);
        }

        var rehashed = verified == PasswordVerificationResult.SuccessRehashNeeded ? passwords.Hash(password) : null;
        await accounts.RecordSuccessAsync(account.Id, time.GetUtcNow(), rehashed, cancellationToken);
        await lockouts.ClearAsync(account.Id, address, cancellationToken);
        await audit.WriteAsync(account.Username, AuditActions.SignInSucceeded, account.Username, null, remoteIp, cancellationToken);
        return new(SignInOutcome.Succeeded, account);
    }

    /// <summary>The current password typed on the change form: a wrong one counts as a failed sign-in.</summary>
    public async Task<SignInOutcome> CheckCurrentPasswordAsync(StaffAccount account, string hash, string password, string? remoteIp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (throttle.Refuses(SignInAddress.Of(remoteIp)))
        {
            return SignInOutcome.Throttled;
        }

        var (failure, _) = await CheckPasswordAsync(account, hash, password, remoteIp, "wrong current password", cancellationToken);
        return failure ?? SignInOutcome.Succeeded;
    }

    private async Task<(SignInOutcome? Failure, PasswordVerificationResult Verified)> CheckPasswordAsync(
        StaffAccount account, string hash, string password, string? remoteIp, string wrongDetail, CancellationToken cancellationToken)
    {
        var address = SignInAddress.Of(remoteIp);
        var now = time.GetUtcNow();
        if (await lockouts.IsLockedAsync(account.Id, address, now, cancellationToken))
        {
            // The password is not even checked while locked, so guessing on gains nothing.
            throttle.RecordFailure(address);
            await audit.WriteAsync(account.Username, AuditActions.SignInLocked, account.Username, "attempt while locked", remoteIp, cancellationToken);
            return (SignInOutcome.LockedOut, PasswordVerificationResult.Failed);
        }

        var verified = passwords.Verify(hash, password);
        if (verified != PasswordVerificationResult.Failed)
        {
            return (null, verified);
        }

        var settings = options.Value;
        throttle.RecordFailure(address);
        var locked = await lockouts.RecordFailureAsync(account.Id, address, settings.MaxFailedSignIns, now + settings.LockoutDuration, cancellationToken);
        await audit.WriteAsync(
            account.Username, locked ? AuditActions.SignInLocked : AuditActions.SignInFailed, account.Username,
            locked ? $"locked for this address after {settings.MaxFailedSignIns} wrong passwords" : wrongDetail, remoteIp, cancellationToken);
        return (locked ? SignInOutcome.LockedOut : SignInOutcome.WrongCredentials, verified);
    }

    /// <summary>The session's identity: what the cookie carries and what every request re-checks against the account.</summary>
    public static ClaimsPrincipal PrincipalFor(StaffAccount account, string sessionId)
    {
        ArgumentNullException.ThrowIfNull(account);
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, account.Username),
            new(StaffClaims.DisplayName, account.DisplayName),
            new(ClaimTypes.Role, account.Role.Code()),
            new(StaffClaims.SecurityStamp, account.SecurityStamp),
            new(StaffClaims.Session, sessionId),
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
    Throttled,
}

public sealed record SignInResult(SignInOutcome Outcome, StaffAccount? Account);

/// <summary>What the sign-in and password forms say when an attempt is refused before the password is checked.</summary>
public static class SignInMessages
{
    public static readonly Bilingual LockedOut = new(
        "パスワードを続けて間違えたため、この接続元からのこのアカウントへのサインインはしばらくロックされています。時間をおいてやり直すか、管理者に解除を依頼してください。",
        "Sign-in to this account from this address is locked for a while after too many wrong passwords. Try again later or ask an admin to unlock it.");

    public static readonly Bilingual Throttled = new(
        "この接続元からの失敗が多すぎます。1分ほど待ってからやり直してください。",
        "Too many failed attempts from this address. Wait a minute and try again.");
}

public static class StaffClaims
{
    public const string DisplayName = "ob:display_name";
    public const string SecurityStamp = "ob:stamp";
    public const string Session = "ob:session";
    public const string MustChangePassword = "ob:must_change_password";

    public static long? AccountId(this ClaimsPrincipal user) =>
        long.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    public static bool MustChangePasswordNow(this ClaimsPrincipal user) => user?.HasClaim(MustChangePassword, "true") == true;
}
