using Dapper;

namespace OutreachBot.Disaster.HelpAlerts;

/// <summary>当番: the staff members who are on duty (each sets it on their Account page) and get an e-mail when a citizen needs help.</summary>
public sealed class OnDutyStaff(Database database, AuditLog audit, TimeProvider time)
{
    public async Task<bool> IsOnDutyAsync(long accountId, CancellationToken cancellationToken) =>
        await database.ExecuteScalarAsync<bool>("SELECT on_duty FROM staff_accounts WHERE id = @Id", new { Id = accountId }, cancellationToken);

    public async Task SetAsync(long accountId, string username, bool onDuty, StaffActor actor, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE staff_accounts SET on_duty = @OnDuty, updated_at = @Now WHERE id = @Id",
            new { Id = accountId, OnDuty = onDuty, Now = time.GetUtcNow() },
            transaction,
            cancellationToken: cancellationToken));
        await audit.WriteAsync(connection, transaction, actor, AuditActions.StaffOnDutyChanged, username, onDuty ? "on" : "off", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The e-mail addresses of the enabled accounts on duty that have one.</summary>
    public Task<IReadOnlyList<string>> AddressesAsync(CancellationToken cancellationToken) =>
        database.QueryAsync<string>(
            "SELECT email FROM staff_accounts WHERE on_duty AND NOT disabled AND email IS NOT NULL ORDER BY id", null, cancellationToken);
}
