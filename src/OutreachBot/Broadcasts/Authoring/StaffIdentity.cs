using System.Security.Claims;

namespace OutreachBot.Broadcasts.Authoring;

/// <summary>
/// Who acts on a broadcast, as its author, approver or canceller are stored: <c>api:&lt;key id&gt;</c> for a staff
/// API key, <c>staff:&lt;username&gt;</c> for a console account. One spelling for both, so that the rule "the
/// approver is not the author" compares like with like wherever the broadcast was written.
/// </summary>
public static class StaffIdentity
{
    public static string Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(Api.ApiKeyAuthentication.KeyIdClaim) is { } key ? "api:" + key : "staff:" + (user.Identity?.Name ?? "unknown");
    }

    /// <summary>How the console shows a stored identity: a console account by its username.</summary>
    public static string Display(string? identity) =>
        identity is null ? "—" : identity.StartsWith("staff:", StringComparison.Ordinal) ? identity["staff:".Length..] : identity;

    /// <summary>May force a broadcast held for quota: a console admin, or an API key listed in <c>Broadcasts:Admins</c> (any key when none is).</summary>
    public static bool MayForce(ClaimsPrincipal user, IReadOnlyList<string> admins)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(admins);
        if (user.FindFirstValue(Api.ApiKeyAuthentication.KeyIdClaim) is not { } key)
        {
            return user.IsInRole(StaffConsole.StaffRoles.Admin);
        }

        return admins.Count == 0 || admins.Contains(key) || (user.Identity?.Name is { } name && admins.Contains(name));
    }
}
