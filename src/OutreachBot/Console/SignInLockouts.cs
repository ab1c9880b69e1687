using Dapper;

namespace OutreachBot.StaffConsole;

/// <summary>
/// Wrong passwords in a row per account and client address. The lockout applies to that address only: someone guessing
/// from elsewhere locks themselves out, never the staff member (an admin above all) signing in from the office.
/// </summary>
public sealed class SignInLockouts(Database database)
{
    public async Task<bool> IsLockedAsync(long accountId, string address, DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM staff_sign_in_lockouts WHERE account_id = @Id AND remote_ip = @Address AND locked_until > @Now",
            new { Id = accountId, Address = address, Now = now }, cancellationToken) > 0;

    /// <summary>Counts a wrong password; the <paramref name="maxFailures"/>th in a row locks the account for this address until <paramref name="lockUntil"/>.</summary>
    public async Task<bool> RecordFailureAsync(long accountId, string address, int maxFailures, DateTimeOffset lockUntil, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var key = new { Id = accountId, Address = address, Max = maxFailures, LockUntil = lockUntil };
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO staff_sign_in_lockouts (account_id, remote_ip, failures, locked_until) VALUES (@Id, @Address, 0, NULL)
            ON CONFLICT (account_id, remote_ip) DO NOTHING
            """,
            key,
            cancellationToken: cancellationToken));
        // One statement, so that concurrent wrong guesses cannot slip past the count. The count starts again at 0 only
        // when this guess locked: the stored lock time is whole milliseconds, so it cannot be compared with lockUntil.
        var failures = await connection.QuerySingleAsync<long>(new CommandDefinition(
            """
            UPDATE staff_sign_in_lockouts
            SET failures = CASE WHEN failures + 1 >= @Max THEN 0 ELSE failures + 1 END,
                locked_until = CASE WHEN failures + 1 >= @Max THEN @LockUntil ELSE locked_until END
            WHERE account_id = @Id AND remote_ip = @Address
            RETURNING failures
            """,
            key,
            cancellationToken: cancellationToken));
        return failures == 0;
    }

    public async Task ClearAsync(long accountId, string address, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            "DELETE FROM staff_sign_in_lockouts WHERE account_id = @Id AND remote_ip = @Address",
            new { Id = accountId, Address = address }, cancellationToken);
}
