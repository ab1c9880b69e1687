using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace OutreachBot.Storage;

/// <summary>
/// Brings the schema up to date before any other hosted service starts. A PostgreSQL server that cannot be reached yet
/// (started after the bot, restarting, a network not up) is waited for, with growing delays and a message naming the
/// setting each time; the start goes on once it answers. A SQLite file that cannot be created or written stops the start
/// with a message naming the setting: that needs a person to fix the path or its rights, and waiting would hide it.
/// </summary>
internal sealed partial class DatabaseAtStart(MigrationRunner runner, IOptions<StorageOptions> options, ILogger<DatabaseAtStart> logger) : IHostedService
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var delay = FirstDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await runner.ApplyAsync(cancellationToken);
                if (attempt > 1)
                {
                    LogReached(Where(), attempt);
                }

                return;
            }
            catch (Exception ex) when (IsUnreachable(ex) && !cancellationToken.IsCancellationRequested)
            {
                LogUnreachable(Where(), ex.Message, attempt, delay);
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode is SQLitePCL.raw.SQLITE_CANTOPEN or SQLitePCL.raw.SQLITE_READONLY or SQLitePCL.raw.SQLITE_PERM)
            {
                throw SqliteConnectionStrings.CannotWrite(ex);
            }

            await Task.Delay(delay, cancellationToken);
            delay = delay * 2 < MaxDelay ? delay * 2 : MaxDelay;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static bool IsUnreachable(Exception ex) => ex is NpgsqlException { IsTransient: true } || ex.InnerException is SocketException;

    /// <summary>Server, port and database only: the connection string's password never reaches the log.</summary>
    private string Where()
    {
        var settings = new NpgsqlConnectionStringBuilder(options.Value.ConnectionString);
        return $"PostgreSQL at {settings.Host}:{settings.Port}, database {settings.Database}";
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The database of Storage:ConnectionString ({Where}) cannot be reached: {Reason}. Try {Attempt}; trying again in {Delay}, the bot starts once it answers")]
    private partial void LogUnreachable(string where, string reason, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database of Storage:ConnectionString ({Where}) answered on try {Attempt}; starting")]
    private partial void LogReached(string where, int attempt);
}
