using System.Security.Cryptography;
using Dapper;

namespace OutreachBot.Staff;

/// <summary>Staff accounts, the sessions they are signed in with and whether any address is locked out of them.</summary>
public sealed class StaffAccountStore(Database database)
{
    private const string Columns =
        """
        id, username, display_name AS DisplayName, role, must_change_password AS MustChangePassword, disabled,
        (SELECT MAX(l.locked_until) FROM staff_sign_in_lockouts l WHERE l.account_id = staff_accounts.id) AS LockedUntil,
        security_stamp AS SecurityStamp,
        created_at AS CreatedAt, last_sign_in_at AS LastSignInAt, line_user_id AS LineUserId,
        (password_hash <> '') AS HasPassword
        """;

    /// <summary>The stored password hash of an account that has no console password (made for an API key): nothing verifies against it.</summary>
    public const string NoPassword = "";

    /// <summary>The staff's accounts; civic groups' accounts are the groups' own, kept on their pages.</summary>
    public async Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken) =>
        await database.QueryAsync<StaffAccount>(
            $"SELECT {Columns} FROM staff_accounts WHERE role <> @Group ORDER BY username", new { Group = StaffRoles.Group }, cancellationToken);

    public async Task<StaffAccount?> FindAsync(long id, CancellationToken cancellationToken) =>
        await database.QuerySingleOrDefaultAsync<StaffAccount>(
            $"SELECT {Columns} FROM staff_accounts WHERE id = @Id", new { Id = id }, cancellationToken);

    /// <summary>The account, when <paramref name="sessionHash"/> is one of its sessions and has not reached its end: every console request asks.</summary>
    public async Task<StaffAccount?> FindInSessionAsync(long id, string sessionHash, DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.QuerySingleOrDefaultAsync<StaffAccount>(
            $"""
            SELECT {Columns} FROM staff_accounts
            WHERE id = @Id AND EXISTS (SELECT 1 FROM staff_sessions WHERE id_hash = @Session AND account_id = @Id AND ends_at > @Now)
            """,
            new { Id = id, Session = sessionHash, Now = now }, cancellationToken);

    public async Task<StaffAccount?> FindAsync(string username, CancellationToken cancellationToken) =>
        await database.QuerySingleOrDefaultAsync<StaffAccount>(
            $"SELECT {Columns} FROM staff_accounts WHERE username = @Username",
            new { Username = StaffAccount.Normalize(username) }, cancellationToken);

    /// <summary>Of <paramref name="lineUserIds"/>, those that are an enabled staff account's own LINE user id: where test sends may go.</summary>
    public async Task<IReadOnlySet<string>> StaffLineUserIdsAsync(IReadOnlyList<string> lineUserIds, CancellationToken cancellationToken)
    {
        if (lineUserIds.Count == 0)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var found = await connection.QueryAsync<string>(new CommandDefinition(
            $"SELECT line_user_id FROM staff_accounts WHERE disabled = @Disabled AND line_user_id {database.Dialect.In("@Ids")}",
            new { Disabled = false, Ids = lineUserIds.ToList() },
            cancellationToken: cancellationToken));
        return found.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Whether any account can sign in to the console: until one can, the bootstrap admin password still applies.</summary>
    public async Task<bool> AnyWithPasswordAsync(CancellationToken cancellationToken) =>
        await database.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM staff_accounts WHERE password_hash <> ''", null, cancellationToken) > 0;

    /// <summary>
    /// Makes an account without a console password (made for an API key) the bootstrap admin: admin, with this
    /// password to change at first sign-in. False when it has a password already or does not exist.
    /// </summary>
    public async Task<bool> ClaimAsBootstrapAdminAsync(string username, string passwordHash, DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            """
            UPDATE staff_accounts
            SET password_hash = @Hash, must_change_password = @MustChange, role = @Role, disabled = @Disabled, security_stamp = @Stamp, updated_at = @Now
            WHERE username = @Username AND password_hash = ''
            """,
            new { Username = StaffAccount.Normalize(username), Hash = passwordHash, MustChange = true, Role = StaffRoles.Admin, Disabled = false, Stamp = NewStamp(), Now = now }, cancellationToken) == 1;

    /// <summary>The account and its password hash, for sign-in only.</summary>
    public async Task<(StaffAccount Account, string PasswordHash)?> FindForSignInAsync(string username, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var found = await connection.QueryAsync<StaffAccount, string, (StaffAccount Account, string PasswordHash)>(new CommandDefinition(
            $"SELECT {Columns}, password_hash AS PasswordHash FROM staff_accounts WHERE username = @Username",
            new { Username = StaffAccount.Normalize(username) },
            cancellationToken: cancellationToken),
            (account, hash) => (account, hash),
            splitOn: "PasswordHash");
        return found.SingleOrDefault() is { Account: not null } match ? match : null;
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken) =>
        await database.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM staff_accounts", null, cancellationToken);

    /// <summary>Creates the account; null when the username is taken.</summary>
    public async Task<StaffAccount?> CreateAsync(StaffAccountDraft draft, string passwordHash, bool mustChangePassword, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var id = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            """
            INSERT INTO staff_accounts (username, display_name, role, password_hash, must_change_password, disabled, security_stamp, created_at, updated_at)
            VALUES (@Username, @DisplayName, @Role, @Hash, @MustChange, @Disabled, @Stamp, @Now, @Now)
            ON CONFLICT (username) DO NOTHING
            RETURNING id
            """,
            new
            {
                Username = StaffAccount.Normalize(draft.Username),
                DisplayName = draft.DisplayName.Trim(),
                Role = draft.Role.Code(),
                Hash = passwordHash,
                MustChange = mustChangePassword,
                Disabled = false,
                Stamp = NewStamp(),
                Now = now,
            },
            cancellationToken: cancellationToken));
        return id is null ? null : await FindAsync(id.Value, cancellationToken);
    }

    /// <summary>Changes name, role and status; a new security stamp ends the account's sessions when role or status change.</summary>
    public async Task<bool> UpdateAsync(long id, string displayName, StaffRole role, bool disabled, DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            """
            UPDATE staff_accounts
            SET security_stamp = CASE WHEN role <> @Role OR disabled <> @Disabled THEN @Stamp ELSE security_stamp END,
                display_name = @DisplayName, role = @Role, disabled = @Disabled, updated_at = @Now
            WHERE id = @Id
            """,
            new { Id = id, DisplayName = displayName.Trim(), Role = role.Code(), Disabled = disabled, Stamp = NewStamp(), Now = now }, cancellationToken) == 1;

    /// <summary>Sets a new password (and unlocks it everywhere): ends every session of the account, including the one that changed it.</summary>
    public async Task<bool> SetPasswordAsync(long id, string passwordHash, bool mustChangePassword, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var found = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE staff_accounts
            SET password_hash = @Hash, must_change_password = @MustChange, security_stamp = @Stamp, updated_at = @Now
            WHERE id = @Id
            """,
            new { Id = id, Hash = passwordHash, MustChange = mustChangePassword, Stamp = NewStamp(), Now = now },
            cancellationToken: cancellationToken)) == 1;
        await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM staff_sign_in_lockouts WHERE account_id = @Id;
            DELETE FROM staff_sessions WHERE account_id = @Id;
            """,
            new { Id = id },
            cancellationToken: cancellationToken));
        return found;
    }

    public async Task RecordSuccessAsync(long id, DateTimeOffset now, string? rehashedPassword, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            """
            UPDATE staff_accounts
            SET last_sign_in_at = @Now, password_hash = COALESCE(@Rehashed, password_hash)
            WHERE id = @Id
            """,
            new { Id = id, Now = now, Rehashed = rehashedPassword }, cancellationToken);

    /// <summary>Sets (or, with null, clears) the staff member's own LINE user id, where test sends to themselves go.</summary>
    public async Task<bool> SetLineUserIdAsync(long id, string? lineUserId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            "UPDATE staff_accounts SET line_user_id = @LineUserId, updated_at = @Now WHERE id = @Id",
            new { Id = id, LineUserId = lineUserId, Now = now }, cancellationToken) == 1;

    /// <summary>Unlocks the account for every address.</summary>
    public async Task<bool> UnlockAsync(long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var found = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE staff_accounts SET updated_at = @Now WHERE id = @Id", new { Id = id, Now = now }, cancellationToken: cancellationToken)) == 1;
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM staff_sign_in_lockouts WHERE account_id = @Id", new { Id = id }, cancellationToken: cancellationToken));
        return found;
    }

    /// <summary>Enabled admins other than <paramref name="exceptId"/>: the console must always keep one.</summary>
    public async Task<long> CountOtherActiveAdminsAsync(long exceptId, CancellationToken cancellationToken) =>
        await database.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM staff_accounts WHERE role = @Role AND disabled = @Disabled AND id <> @Id",
            new { Role = StaffRoles.Admin, Disabled = false, Id = exceptId }, cancellationToken);

    private static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
