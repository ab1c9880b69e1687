using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace OutreachBot.Storage;

/// <summary>
/// The PRAGMAs every connection of the bot runs with. They belong to the native handle, which the pool keeps across
/// opens, so they are set once per handle, and afterwards only <c>synchronous</c> is changed when an open asks for
/// the other level. Setting all four on every open cost a statement batch per open, several opens per webhook event.
/// </summary>
/// <param name="maxPageCount">
/// <c>Storage:SqliteMaxPageCount</c>; without it the largest SQLite allows, set all the same, as a pooled handle may
/// carry the cap of an earlier host in this process.
/// </param>
internal sealed class SqliteSessionSettings(int busyTimeoutMs, int? maxPageCount)
{
    /// <summary>More than SQLite's own ceiling, which it lowers the setting to.</summary>
    private const long NoPageCap = 4_294_967_294;

    /// <summary>
    /// What the write-ahead log is cut back to once it has been copied into the database: a burst of webhooks can grow
    /// it to hundreds of megabytes, and without a limit SQLite reuses that file from its start but never shrinks it.
    /// </summary>
    public const long WalSizeLimitBytes = 4 * 1024 * 1024;

    private readonly ConditionalWeakTable<sqlite3, StrongBox<bool>> _durableByHandle = new();

    public async Task ApplyAsync(SqliteConnection connection, bool durable, CancellationToken cancellationToken)
    {
        var handle = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        if (_durableByHandle.TryGetValue(handle, out var current))
        {
            if (current.Value != durable)
            {
                await ExecuteAsync(connection, $"PRAGMA synchronous = {Synchronous(durable)};", cancellationToken);
                current.Value = durable;
            }

            return;
        }

        // In WAL mode NORMAL skips the fsync of each commit; a later FULL commit's fsync covers the frames before it.
        // Checkpoints run in the background (SqliteCheckpointer), never inside a commit someone waits for.
        await ExecuteAsync(
            connection,
            $"PRAGMA busy_timeout = {busyTimeoutMs}; PRAGMA synchronous = {Synchronous(durable)}; PRAGMA foreign_keys = ON; PRAGMA wal_autocheckpoint = 0; PRAGMA journal_size_limit = {WalSizeLimitBytes}; PRAGMA max_page_count = {maxPageCount ?? NoPageCap};",
            cancellationToken);
        _durableByHandle.AddOrUpdate(handle, new StrongBox<bool>(durable));
    }

    private static string Synchronous(bool durable) => durable ? "FULL" : "NORMAL";

    private static async Task ExecuteAsync(SqliteConnection connection, string pragmas, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
