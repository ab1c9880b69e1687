using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace OutreachBot.Storage;

/// <summary>
/// Opens connections to the configured database, set up the same way every time. On SQLite their writes take turns at
/// one <see cref="SqliteWriteGate"/>, so that no writer of this process starves another.
/// </summary>
public sealed class Database : IDisposable
{
    private readonly NpgsqlDataSource? _postgres;
    private readonly string? _sqlite;
    private readonly SqliteWriteGate? _writeGate;
    private readonly int _busyTimeoutMs;

    public Database(IOptions<StorageOptions> options, IHostEnvironment environment)
    {
        var settings = options.Value;
        Dialect = SqlDialect.For(settings.Provider);
        _busyTimeoutMs = (int)settings.BusyTimeout.TotalMilliseconds;
        if (settings.Provider == StorageProvider.Postgres)
        {
            _postgres = NpgsqlDataSource.Create(settings.ConnectionString!);
        }
        else
        {
            _sqlite = SqliteConnectionStrings.Resolve(settings.ConnectionString, environment.ContentRootPath);
            _writeGate = new SqliteWriteGate(settings.BusyTimeout, settings.SqliteWritesBeforeGroupCommit);
        }
    }

    public SqlDialect Dialect { get; }

    /// <summary>Where the SQLite file lives, for messages to the person running the bot; null on PostgreSQL.</summary>
    public string? SqliteFile => _sqlite is null ? null : new SqliteConnectionStringBuilder(_sqlite).DataSource;

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default) => OpenAsync(SqliteSync.Normal, cancellationToken);

    /// <summary>
    /// A connection whose commits survive a power cut, for what is acknowledged to someone else on the strength of the
    /// commit (webhooks answered 200). Every other write survives a crash of the process, which is what the ledger,
    /// the inbox's own bookkeeping and retry keys rely on. Same as <see cref="OpenAsync(CancellationToken)"/> on PostgreSQL.
    /// </summary>
    public Task<DbConnection> OpenDurableAsync(CancellationToken cancellationToken = default) => OpenAsync(SqliteSync.Full, cancellationToken);

    private async Task<DbConnection> OpenAsync(SqliteSync sync, CancellationToken cancellationToken)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken);
        }

        var connection = new SqliteConnection(_sqlite);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragmas = connection.CreateCommand();
            // In WAL mode NORMAL skips the fsync of each commit; a later FULL commit's fsync covers the frames before it.
            // Checkpoints run in the background (SqliteCheckpointer), never inside a commit someone waits for.
            pragmas.CommandText = $"PRAGMA busy_timeout = {_busyTimeoutMs}; PRAGMA synchronous = {sync.ToString().ToUpperInvariant()}; " +
                                  "PRAGMA foreign_keys = ON; PRAGMA wal_autocheckpoint = 0;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            return new GatedSqliteConnection(connection, _writeGate!, durable: sync == SqliteSync.Full);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private enum SqliteSync
    {
        Normal,
        Full,
    }

    public void Dispose() => _postgres?.Dispose();
}
