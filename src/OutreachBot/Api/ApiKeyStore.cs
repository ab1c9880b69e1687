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

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

public sealed record ApiKey(string Id, string Name);
