using System.Data.Common;
using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;

namespace OutreachBot.Storage;

/// <summary>
/// Applies the embedded <c>Migrations/&lt;dialect&gt;/NNNN_name.sql</c> scripts in order, each in its own transaction,
/// and records them in <c>schema_migrations</c>. Safe when several instances start at once: PostgreSQL serializes them
/// with an advisory lock, SQLite with an immediate (write-locking) transaction per script.
/// </summary>
public sealed partial class MigrationRunner(Database database, TimeProvider time, ILogger<MigrationRunner> logger)
{
    private const long AdvisoryLockKey = 0x4F75_7472_6561_6368; // "Outreach"

    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await PrepareAsync(connection, cancellationToken);
        try
        {
            foreach (var migration in Migration.Embedded(database.Dialect))
            {
                await ApplyOneAsync(connection, migration, cancellationToken);
            }
        }
        finally
        {
            if (database.Dialect.Provider == StorageProvider.Postgres)
            {
                await connection.ExecuteAsync("SELECT pg_advisory_unlock(@AdvisoryLockKey)", new { AdvisoryLockKey });
            }
        }
    }

    private async Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (database.Dialect.Provider == StorageProvider.Postgres)
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@AdvisoryLockKey)", new { AdvisoryLockKey }, cancellationToken: cancellationToken));
        }
        else
        {
            await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode = WAL", cancellationToken: cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                applied_at BIGINT NOT NULL
            )
            """,
            cancellationToken: cancellationToken));
    }

    private async Task ApplyOneAsync(DbConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var applied = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM schema_migrations WHERE version = @Version", migration, transaction, cancellationToken: cancellationToken));
        if (applied > 0)
        {
            return;
        }

        await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)",
            new { migration.Version, migration.Name, AppliedAt = time.GetUtcNow() },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        LogApplied(migration.Version, migration.Name);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied database migration {Version} {Name}")]
    private partial void LogApplied(int version, string name);

    private sealed partial record Migration(int Version, string Name, string Sql)
    {
        public static IEnumerable<Migration> Embedded(SqlDialect dialect)
        {
            var assembly = typeof(Migration).Assembly;
            var prefix = $"{assembly.GetName().Name}.Storage.Migrations.{dialect.MigrationFolder}.";
            return assembly.GetManifestResourceNames()
                .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
                .Select(name => Load(assembly, name))
                .OrderBy(m => m.Version);
        }

        private static Migration Load(Assembly assembly, string resourceName)
        {
            var match = FileName().Match(resourceName);
            if (!match.Success)
            {
                throw new InvalidOperationException($"Migration '{resourceName}' is not named NNNN_name.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(resourceName)!;
            using var reader = new StreamReader(stream);
            return new Migration(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups[2].Value, reader.ReadToEnd());
        }

        [GeneratedRegex(@"\.(\d{4})_([a-z0-9_]+)\.sql$")]
        private static partial Regex FileName();
    }
}
