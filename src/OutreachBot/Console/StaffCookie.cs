using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace OutreachBot.StaffConsole;

/// <summary>
/// The console's sign-in cookie: HttpOnly, SameSite=Strict, Secure whenever the request came over HTTPS (directly or
/// through the reverse proxy), ended by closing the browser, by <c>Console:SessionIdleTimeout</c> without a request, by
/// signing out or by <c>Console:SessionMaxLifetime</c> (both server-side, <see cref="StaffSessions"/>).
/// </summary>
public static class StaffCookie
{
    public const string Scheme = "StaffCookie";
    public const string SignInPath = "/console/signin";
    public const string SignOutPath = "/console/signout";
    public const string DeniedPath = "/console/denied";
    public const string PasswordPath = "/console/account/password";

    public static void Configure(CookieAuthenticationOptions cookie, ConsoleOptions options)
    {
        ArgumentNullException.ThrowIfNull(cookie);
        ArgumentNullException.ThrowIfNull(options);
        cookie.Cookie.Name = ".OutreachBot.StaffConsole";
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Strict;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.ExpireTimeSpan = options.SessionIdleTimeout;
        cookie.SlidingExpiration = true;
        cookie.LoginPath = SignInPath;
        cookie.LogoutPath = SignOutPath;
        cookie.AccessDeniedPath = DeniedPath;
        cookie.ReturnUrlParameter = "returnUrl";
        cookie.EventsType = typeof(StaffCookieEvents);
    }

    /// <summary>Pages a browser shows: these redirect to sign-in; anything else (the API, unknown paths) answers 401/403.</summary>
    public static bool IsConsolePath(PathString path) => path == "/" || path.StartsWithSegments("/console", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Re-checks every request's session and account in one query, so that signing out, the session's end, disabling, a new
/// role or a new password take effect at once.
/// </summary>
internal sealed class StaffCookieEvents(StaffAccountStore accounts, TimeProvider time) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var id = context.Principal?.AccountId();
        var session = context.Principal?.FindFirst(StaffClaims.Session)?.Value;
        var account = id is null || session is null
            ? null
            : await accounts.FindInSessionAsync(id.Value, StaffSessions.HashOf(session), time.GetUtcNow(), context.HttpContext.RequestAborted);
        if (account is null || account.Disabled || account.SecurityStamp != context.Principal!.FindFirst(StaffClaims.SecurityStamp)?.Value)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(StaffCookie.Scheme);
        }
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (StaffCookie.IsConsolePath(context.Request.Path))
        {
            return base.RedirectToLogin(context);
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (StaffCookie.IsConsolePath(context.Request.Path))
        {
            return base.RedirectToAccessDenied(context);
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
