using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.Extensions.Options;

namespace OutreachBot.Staff;

/// <summary>
/// Staff API keys: those in the <c>Api:Keys</c> setting, and those stored (only as SHA-256 hashes) in the database,
/// such as the one <c>Console:BootstrapApiKey</c> creates on first start. Every key belongs to a staff account and
/// acts as it, with its current role; a key whose account is disabled, missing or unknown does not work.
/// </summary>
public sealed class ApiKeyStore(Database database, StaffAccountStore accounts, IOptions<ApiOptions> options, TimeProvider time)
{
    public async Task<ApiKey?> FindAsync(string presented, CancellationToken cancellationToken)
    {
        if (presented.Length == 0)
        {
            return null;
        }

        var hash = Hash(presented);
        foreach (var configured in options.Value.Keys)
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(Hash(configured.Key ?? "")), Encoding.UTF8.GetBytes(hash)))
            {
                var account = await accounts.FindAsync(configured.Account!, cancellationToken);
                return account is null || account.Disabled
                    ? null
                    : new ApiKey("setting:" + hash[..8], configured.Name, account.Id, account.Username, (StaffRole)Math.Min((int)account.Role, (int)configured.ParsedRole!.Value));
            }
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<KeyRow>(new CommandDefinition(
            """
            SELECT CAST(k.id AS TEXT) AS Id, k.name AS Name, s.id AS AccountId, s.username AS Username, s.role AS Role
            FROM api_keys k JOIN staff_accounts s ON s.id = k.account_id
            WHERE k.key_hash = @Hash AND k.revoked_at IS NULL AND s.disabled = @Disabled
            """,
            new { Hash = hash, Disabled = false },
            cancellationToken: cancellationToken));
        return row is null || StaffRoles.Parse(row.Role) is not { } role ? null : new ApiKey(row.Id, row.Name, row.AccountId, row.Username, role);
    }

    /// <summary>Stores a key once, owned by <paramref name="accountId"/>: a no-op when a key with the same name already exists (an owner-less one gets this owner).</summary>
    public async Task<bool> AddIfMissingAsync(string name, string key, long accountId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var added = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO api_keys (name, key_hash, created_at, account_id) VALUES (@Name, @Hash, @Now, @AccountId)
            ON CONFLICT (name) DO NOTHING
            """,
            new { Name = name, Hash = Hash(key), Now = time.GetUtcNow(), AccountId = accountId },
            cancellationToken: cancellationToken));
        if (added == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE api_keys SET account_id = @AccountId WHERE name = @Name AND account_id IS NULL",
                new { Name = name, AccountId = accountId },
                cancellationToken: cancellationToken));
        }

        return added == 1;
    }

    /// <summary>Makes a new random key under <paramref name="name"/> for <paramref name="accountId"/>; its text is returned this once and only its hash is kept. Null when the name is taken.</summary>
    public async Task<string?> CreateAsync(string name, long accountId, CancellationToken cancellationToken)
    {
        var key = "obk_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return await AddIfMissingAsync(name.Trim(), key, accountId, cancellationToken) ? key : null;
    }

    /// <summary>Keys stored in the database with their owners, newest first, revoked ones included (names stay taken).</summary>
    public async Task<IReadOnlyList<StoredApiKey>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var keys = await connection.QueryAsync<StoredApiKey>(new CommandDefinition(
            """
            SELECT k.id, k.name, k.created_at AS CreatedAt, k.revoked_at AS RevokedAt, s.username AS Account, s.role AS AccountRole, s.disabled AS AccountDisabled
            FROM api_keys k LEFT JOIN staff_accounts s ON s.id = k.account_id
            ORDER BY k.id DESC
            """,
            cancellationToken: cancellationToken));
        return [.. keys];
    }

    /// <summary>Stops a key working at once; false when it is unknown or already revoked.</summary>
    public async Task<bool> RevokeAsync(long id, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            "UPDATE api_keys SET revoked_at = @Now WHERE id = @Id AND revoked_at IS NULL",
            new { Id = id, Now = time.GetUtcNow() }, cancellationToken) == 1;

    /// <summary>The keys of the <c>Api:Keys</c> setting (they are managed in the settings, not in the console).</summary>
    public IReadOnlyList<ConfiguredApiKey> Configured => options.Value.Keys;

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private sealed record KeyRow
    {
        public required string Id { get; init; }

        public required string Name { get; init; }

        public long AccountId { get; init; }

        public required string Username { get; init; }

        public required string Role { get; init; }
    }
}

/// <summary>A key that works: its id and name, the staff account it acts as and the role it acts with.</summary>
public sealed record ApiKey(string Id, string Name, long AccountId, string Username, StaffRole Role);

public sealed record StoredApiKey
{
    public long Id { get; init; }

    public required string Name { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>The owner's username; null for a key made before keys had owners and never claimed: it does not work.</summary>
    public string? Account { get; init; }

    public string? AccountRole { get; init; }

    public bool? AccountDisabled { get; init; }
}
