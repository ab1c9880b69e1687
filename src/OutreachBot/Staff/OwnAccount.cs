namespace OutreachBot.Staff;

/// <summary>What staff members change on their own account, each change leaving one audit entry naming them.</summary>
public sealed class OwnAccount(StaffAccountStore accounts, AuditLog audit, TimeProvider time)
{
    /// <summary>Sets the new password (hashed by the caller); this ends every session of the account, the caller's too.</summary>
    public async Task ChangePasswordAsync(StaffAccount account, string passwordHash, StaffActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (await accounts.SetPasswordAsync(account.Id, passwordHash, mustChangePassword: false, time.GetUtcNow(), cancellationToken))
        {
            await audit.WriteAsync(actor, AuditActions.PasswordChanged, account.Username, null, cancellationToken);
        }
    }

    /// <summary>Sets (or, with null, clears) the account's LINE user id, where test sends to themselves go.</summary>
    public async Task SetLineUserIdAsync(StaffAccount account, string? lineUserId, StaffActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (await accounts.SetLineUserIdAsync(account.Id, lineUserId, time.GetUtcNow(), cancellationToken))
        {
            await audit.WriteAsync(actor, AuditActions.LineUserIdChanged, account.Username, lineUserId is null ? "cleared" : "set", cancellationToken);
        }
    }
}
