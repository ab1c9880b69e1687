using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.Extensions.Options;
using OutreachBot.Storage;

namespace OutreachBot.Api;

/// <summary>
/// Staff API keys: those in the <c>Api:Keys</c> setting, and those stored (only as SHA-256 hashes) in the database,
/// such as the one <c>Console:BootstrapApiKey</c> creates on first start.
/// </summary>
public sealed class ApiKeyStore(Database database, IOptions<ApiOptions> options, TimeProvider time)
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
            if (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(Hash(configured)), Encoding.UTF8.GetBytes(hash)))
            {
                return new ApiKey("setting:" + hash[..8], "Api:Keys");
            }
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ApiKey>(new CommandDefinition(
            "SELECT CAST(id AS TEXT) AS Id, name AS Name FROM api_keys WHERE key_hash = @Hash AND revoked_at IS NULL",
            new { Hash = hash },
            cancellationToken: cancellationToken));
    }

    /// <summary>Stores a key once: a no-op when a key with the same name already exists.</summary>
    public async Task<bool> AddIfMissingAsync(string name, string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var added = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO api_keys (name, key_hash, created_at) VALUES (@Name, @Hash, @Now)
            ON CONFLICT (name) DO NOTHING
            """,
            new { Name = name, Hash = Hash(key), Now = time.GetUtcNow().ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
        return added == 1;
    }

    /// <summary>Makes a new random key under <paramref name="name"/>; its text is returned this once and only its hash is kept. Null when the name is taken.</summary>
    public async Task<string?> CreateAsync(string name, CancellationToken cancellationToken)
    {
        var key = "obk_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return await AddIfMissingAsync(name.Trim(), key, cancellationToken) ? key : null;
    }

    /// <summary>Keys stored in the database, newest first, revoked ones included (names stay taken).</summary>
    public async Task<IReadOnlyList<StoredApiKey>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var keys = await connection.QueryAsync<StoredApiKey>(new CommandDefinition(
            "SELECT id, name, created_at AS CreatedAt, revoked_at AS RevokedAt FROM api_keys ORDER BY id DESC",
            cancellationToken: cancellationToken));
        return [.. keys];
    }

    /// <summary>Stops a key working at once; false when it is unknown or already revoked.</summary>
    public async Task<bool> RevokeAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET revoked_at = @Now WHERE id = @Id AND revoked_at IS NULL",
            new { Id = id, Now = time.GetUtcNow().ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>How many keys the <c>Api:Keys</c> setting holds (they are managed in the settings, not in the console).</summary>
    public int ConfiguredCount => options.Value.Keys.Count;

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

public sealed record ApiKey(string Id, string Name);

public sealed record StoredApiKey
{
    public long Id { get; init; }

    public required string Name { get; init; }

    public long CreatedAt { get; init; }

    public long? RevokedAt { get; init; }
}
