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
    private readonly SqliteSessionSettings? _sessionSettings;

    static Database() => UnixMillisecondsHandler.Register();

    public Database(IOptions<StorageOptions> options, IHostEnvironment environment)
    {
        var settings = options.Value;
        Dialect = SqlDialect.For(settings.Provider);
        if (settings.Provider == StorageProvider.Postgres)
        {
            _postgres = NpgsqlDataSource.Create(settings.ConnectionString!);
        }
        else
        {
            _sqlite = SqliteConnectionStrings.Resolve(settings.ConnectionString, environment.ContentRootPath);
            _writeGate = new SqliteWriteGate(settings.BusyTimeout, settings.SqliteWritesBeforeGroupCommit);
            _sessionSettings = new SqliteSessionSettings((int)settings.BusyTimeout.TotalMilliseconds, settings.SqliteMaxPageCount);
        }
    }

    public SqlDialect Dialect { get; }

    /// <summary>Where the SQLite file lives, for messages to the person running the bot; null on PostgreSQL.</summary>
    public string? SqliteFile => _sqlite is null ? null : new SqliteConnectionStringBuilder(_sqlite).DataSource;

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default) => OpenAsync(durable: false, cancellationToken);

    /// <summary>
    /// A connection whose commits survive a power cut, for what is acknowledged to someone else on the strength of the
    /// commit (webhooks answered 200). Every other write survives a crash of the process, which is what the ledger,
    /// the inbox's own bookkeeping and retry keys rely on. Same as <see cref="OpenAsync(CancellationToken)"/> on PostgreSQL.
    /// </summary>
    public Task<DbConnection> OpenDurableAsync(CancellationToken cancellationToken = default) => OpenAsync(durable: true, cancellationToken);

    private async Task<DbConnection> OpenAsync(bool durable, CancellationToken cancellationToken)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken);
        }

        var connection = new SqliteConnection(_sqlite);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await _sessionSettings!.ApplyAsync(connection, durable, cancellationToken);
            return new GatedSqliteConnection(connection, _writeGate!, durable);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public void Dispose() => _postgres?.Dispose();
}
