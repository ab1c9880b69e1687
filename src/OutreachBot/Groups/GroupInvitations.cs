using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OutreachBot.Mail;
using OutreachBot.PublicSite;
using OutreachBot.StaffConsole;

namespace OutreachBot.Groups;

/// <param name="Link">The one-time link: shown to staff always, mailed when e-mail is configured.</param>
/// <param name="Mailed">Whether the mail server took the mail.</param>
public sealed record GroupInvitation(Uri Link, DateTimeOffset ExpiresAt, bool Mailed);

public enum JoinOutcome
{
    Joined,
    LinkInvalid,
    UsernameTaken,
}

/// <summary>
/// Invites a group's contact: a random token of which only the hash is kept, valid for <c>Groups:InvitationLifetime</c>
/// and once. Following it the contact chooses a username and a password (the staff's password rules) and has an account
/// of the role <see cref="StaffRole.Group"/> that speaks for the group and signs in at the console's sign-in.
/// </summary>
public sealed class GroupInvitations(
    Database database,
    GroupStore groups,
    StaffAccountStore accounts,
    GroupMails mails,
    PublicBaseUrl baseUrl,
    AuditLog audit,
    IOptions<GroupsOptions> options,
    TimeProvider time)
{
    public const string JoinPath = "/console/group/join";

    /// <summary>Registers a new group (no public profile yet) and invites its contact: one audit entry for both.</summary>
    public async Task<(CivicGroup Group, GroupInvitation Invitation)> InviteNewAsync(GroupInviteInput input, StaffActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var id = await groups.CreateAsync(input.Name!.Trim(), input.Email!.Trim(), time.GetUtcNow(), cancellationToken);
        var group = (await groups.FindAsync(id, cancellationToken))!;
        return (group, await InviteAsync(group, actor, AuditActions.GroupCreated, cancellationToken));
    }

    /// <summary>A new link for an existing group's contact (the first expired, or another person joins).</summary>
    public Task<GroupInvitation> InviteAsync(CivicGroup group, StaffActor actor, CancellationToken cancellationToken) =>
        InviteAsync(group, actor, AuditActions.GroupInvited, cancellationToken);

    private async Task<GroupInvitation> InviteAsync(CivicGroup group, StaffActor actor, string auditAction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = time.GetUtcNow();
        var expires = now + options.Value.InvitationLifetime;
        await database.ExecuteAsync(
            """
            INSERT INTO group_invitations (token_hash, group_id, email, created_by, created_at, expires_at)
            VALUES (@Hash, @GroupId, @Email, @CreatedBy, @Now, @Expires)
            """,
            new { Hash = HashOf(token), GroupId = group.Id, Email = group.ContactEmail, CreatedBy = actor.AuditName ?? "bot", Now = now, Expires = expires },
            cancellationToken);
        var link = baseUrl.Link($"{JoinPath}?t={token}");
        var mailed = await mails.SendInvitationAsync(group, link, expires, cancellationToken);
        await audit.WriteAsync(actor, auditAction, $"group:{group.Id}", mailed ? "invitation mailed" : "invitation link shown only", cancellationToken);
        return new GroupInvitation(link, expires, mailed);
    }

    /// <summary>The group a still usable token invites to, or null.</summary>
    public async Task<CivicGroup?> GroupOfAsync(string? token, CancellationToken cancellationToken) =>
        await GroupIdAsync(token, cancellationToken) is { } id ? await groups.FindAsync(id, cancellationToken) : null;

    /// <summary>Makes the group account and uses up the token; the caller has checked the password against the rules.</summary>
    public async Task<(JoinOutcome Outcome, StaffAccount? Account)> JoinAsync(
        string token, string username, string passwordHash, string? remoteIp, CancellationToken cancellationToken)
    {
        if (await GroupOfAsync(token, cancellationToken) is not { } group)
        {
            return (JoinOutcome.LinkInvalid, null);
        }

        var now = time.GetUtcNow();
        if (await accounts.CreateAsync(new StaffAccountDraft(username, group.Name, StaffRole.Group), passwordHash, false, now, cancellationToken) is not { } account)
        {
            return (JoinOutcome.UsernameTaken, null);
        }

        // Used once: of two tabs submitting the same link, the second finds it used and its account is never linked.
        var claimed = await database.ExecuteAsync(
            "UPDATE group_invitations SET used_at = @Now WHERE token_hash = @Hash AND used_at IS NULL AND expires_at > @Now",
            new { Hash = HashOf(token), Now = now }, cancellationToken) == 1;
        if (!claimed)
        {
            await accounts.UpdateAsync(account.Id, account.DisplayName, StaffRole.Group, disabled: true, now, cancellationToken);
            return (JoinOutcome.LinkInvalid, null);
        }

        await groups.LinkAccountAsync(account.Id, group.Id, cancellationToken);
        await audit.WriteAsync(account.Username, AuditActions.GroupJoined, $"group:{group.Id}", null, remoteIp, cancellationToken);
        return (JoinOutcome.Joined, account);
    }

    private async Task<long?> GroupIdAsync(string? token, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(token) || token.Length > 100
            ? null
            : await database.ExecuteScalarAsync<long?>(
                "SELECT group_id FROM group_invitations WHERE token_hash = @Hash AND used_at IS NULL AND expires_at > @Now",
                new { Hash = HashOf(token), Now = time.GetUtcNow() }, cancellationToken);

    private static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
