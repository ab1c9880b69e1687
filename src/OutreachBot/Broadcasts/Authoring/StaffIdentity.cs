using System.Security.Claims;

namespace OutreachBot.Broadcasts.Authoring;

/// <summary>
/// Who acts on a broadcast, as its author, editors, approver or canceller are stored: <c>staff:&lt;username&gt;</c>, the
/// staff account, whether it came through the console or with one of its API keys. One spelling for both, so that the
/// rule "the approver wrote none of it" compares people: two keys of one person, or their key and their console
/// session, are one person. (Broadcasts written before keys had owners may name <c>api:&lt;key id&gt;</c>.)
/// </summary>
public static class StaffIdentity
{
    public const string Prefix = "staff:";

    public static string Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Prefix + (user.Identity?.Name ?? "unknown");
    }

    public static string Of(StaffActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return Prefix + (actor.Username ?? "unknown");
    }

    /// <summary>How the console shows a stored identity: a staff account by its username.</summary>
    public static string Display(string? identity) =>
        identity is null ? "—" : identity.StartsWith(Prefix, StringComparison.Ordinal) ? identity[Prefix.Length..] : identity;
}
