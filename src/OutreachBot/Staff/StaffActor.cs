using System.Security.Claims;

namespace OutreachBot.Staff;

/// <summary>
/// The person a change is done by: their staff account, the API key they used if any, and the address the request came
/// from. Built once per request, so a service records the same actor however it was reached (console or API).
/// </summary>
public sealed record StaffActor(string? Username, string? KeyName, string? RemoteIp)
{
    /// <summary>The bot itself, at start-up: no person and no address.</summary>
    public static StaffActor Bot { get; } = new(null, null, null);

    /// <summary>How the audit log names the actor: <c>username</c>, or <c>username (api:&lt;key name&gt;)</c> for a key.</summary>
    public string? AuditName => Username is null ? null : KeyName is null ? Username : $"{Username} (api:{KeyName})";

    public static StaffActor Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(typeof(StaffActor), out var known) && known is StaffActor actor)
        {
            return actor;
        }

        actor = FromPrincipal(context.User, context.Connection.RemoteIpAddress?.ToString());
        context.Items[typeof(StaffActor)] = actor;
        return actor;
    }

    public static StaffActor FromPrincipal(ClaimsPrincipal user, string? remoteIp)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity is not { IsAuthenticated: true } identity)
        {
            return new(null, null, remoteIp);
        }

        // A key acts as its staff account; the actor says which key it was too.
        var keyName = identity.AuthenticationType == ApiKeyAuthentication.SchemeName ? user.FindFirstValue(ApiKeyAuthentication.KeyNameClaim) : null;
        return new(identity.Name, keyName, remoteIp);
    }
}
