using System.Globalization;

namespace OutreachBot.Staff;

/// <summary>An admin's changes to staff accounts and API keys, each leaving one audit entry naming the admin.</summary>
public sealed class StaffAdministration(StaffAccountStore accounts, ApiKeyStore keys, AuditLog audit, TimeProvider time)
{
    private DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Null when the username is taken. The password is hashed by the caller, who shows it once.</summary>
    public async Task<StaffAccount?> CreateAccountAsync(StaffAccountDraft draft, string passwordHash, StaffActor actor, CancellationToken cancellationToken)
    {
        var created = await accounts.CreateAsync(draft, passwordHash, mustChangePassword: true, Now, cancellationToken);
        if (created is not null)
        {
            await audit.WriteAsync(actor, AuditActions.AccountCreated, created.Username, $"role={created.Role.Code()}", cancellationToken);
        }

        return created;
    }

    public async Task UpdateAccountAsync(StaffAccount account, string displayName, StaffRole role, bool disabled, StaffActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (await accounts.UpdateAsync(account.Id, displayName, role, disabled, Now, cancellationToken))
        {
            await audit.WriteAsync(
                actor, AuditActions.AccountUpdated, account.Username,
                $"role={account.Role.Code()}→{role.Code()}, disabled={account.Disabled}→{disabled}".ToLowerInvariant(), cancellationToken);
        }
    }

    /// <summary>Sets a temporary password (hashed by the caller) that must be changed at the next sign-in.</summary>
    public async Task ResetPasswordAsync(StaffAccount account, string passwordHash, StaffActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (await accounts.SetPasswordAsync(account.Id, passwordHash, mustChangePassword: true, Now, cancellationToken))
        {
            await audit.WriteAsync(actor, AuditActions.AccountPasswordReset, account.Username, null, cancellationToken);
        }
    }

    /// <summary>False when there is no such account.</summary>
    public async Task<bool> UnlockAsync(long id, StaffActor actor, CancellationToken cancellationToken)
    {
        if (!await accounts.UnlockAsync(id, Now, cancellationToken))
        {
            return false;
        }

        await audit.WriteAsync(actor, AuditActions.AccountUnlocked, id.ToString(CultureInfo.InvariantCulture), null, cancellationToken);
        return true;
    }

    /// <summary>The new key, shown once; null when a key of that name exists (revoked ones included).</summary>
    public async Task<string?> CreateKeyAsync(string name, StaffAccount owner, StaffActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var key = await keys.CreateAsync(name, owner.Id, cancellationToken);
        if (key is not null)
        {
            await audit.WriteAsync(actor, AuditActions.ApiKeyCreated, name, $"for {owner.Username} ({owner.Role.Code()})", cancellationToken);
        }

        return key;
    }

    /// <summary>The revoked key's name; null when no such key was active.</summary>
    public async Task<string?> RevokeKeyAsync(long id, StaffActor actor, CancellationToken cancellationToken)
    {
        var key = (await keys.ListAsync(cancellationToken)).FirstOrDefault(k => k.Id == id);
        if (key is null || !await keys.RevokeAsync(id, cancellationToken))
        {
            return null;
        }

        await audit.WriteAsync(actor, AuditActions.ApiKeyRevoked, key.Name, id.ToString(CultureInfo.InvariantCulture), cancellationToken);
        return key.Name;
    }
}
