using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace OutreachBot.Storage;

/// <summary>Opens connections to the configured database, set up the same way every time.</summary>
public sealed class Database : IDisposable
{
    private readonly NpgsqlDataSource? _postgres;
    private readonly string? _sqlite;
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
        }
    }

    public SqlDialect Dialect { get; }

    /// <summary>Where the SQLite file lives, for messages to the person running the bot; null on PostgreSQL.</summary>
    public string? SqliteFile => _sqlite is null ? null : new SqliteConnectionStringBuilder(_sqlite).DataSource;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
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
            // FULL: a webhook is acknowledged only after its events survive a power cut, not just a crash.
            pragmas.CommandText = $"PRAGMA busy_timeout = {_busyTimeoutMs}; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public void Dispose() => _postgres?.Dispose();
}
