using Dapper;

namespace OutreachBot.Storage;

/// <summary>
/// Copies SQLite's write-ahead log back into the database file in the background. Connections open with automatic
/// checkpoints off: otherwise whichever commit crosses the log's threshold does the copy (and its fsync) before it
/// returns, and that is often the inbox writer's, with webhooks waiting on it. Nothing on PostgreSQL.
/// </summary>
internal sealed partial class SqliteCheckpointer(Database database, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.Dialect.Provider != StorageProvider.Sqlite)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await CheckpointAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; the last connection to close checkpoints anyway.
        }
    }

    private async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            // PASSIVE: copies what no reader still needs and never waits for, or blocks, a reader or the writer.
            await connection.ExecuteAsync(new CommandDefinition("PRAGMA wal_checkpoint(PASSIVE)", cancellationToken: cancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The SQLite checkpoint failed; the write-ahead log grows until the next one succeeds")]
    private partial void LogFailed(Exception exception);
}
