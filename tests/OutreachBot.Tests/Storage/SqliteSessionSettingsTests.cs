using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using OutreachBot.Storage;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Storage;

public sealed class SqliteSessionSettingsTests : IAsyncLifetime
{
    private readonly TestDatabase _file = TestDatabase.Create("Sqlite");
    private Database _database = null!;

    public Task InitializeAsync()
    {
        var options = new StorageOptions { ConnectionString = _file.ConnectionString, BusyTimeout = TimeSpan.FromMilliseconds(4321) };
        _database = new Database(Options.Create(options), new HostingEnvironment { ContentRootPath = Path.GetTempPath() });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _database.Dispose();
        await _file.DisposeAsync();
    }

    [Fact]
    public async Task Open_PooledConnectionAskedForTheOtherLevel_RunsWithTheLevelAskedForAndKeepsTheRest()
    {
        var first = await SettingsAsync(durable: false);
        var durable = await SettingsAsync(durable: true);
        var normalAgain = await SettingsAsync(durable: false);

        Assert.Same(first.Handle, durable.Handle);
        Assert.Same(first.Handle, normalAgain.Handle);
        Assert.Equal(new Settings(first.Handle, Synchronous: 1, ForeignKeys: 1, BusyTimeout: 4321, AutoCheckpoint: 0), first);
        Assert.Equal(first with { Synchronous = 2 }, durable);
        Assert.Equal(first, normalAgain);
    }

    [Fact]
    public async Task Open_SeveralAtOnce_EachNewConnectionIsSetUp()
    {
        var connections = new List<DbConnection>();
        for (var i = 0; i < 3; i++)
        {
            connections.Add(await _database.OpenAsync());
        }

        foreach (var connection in connections)
        {
            Assert.Equal(1, await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys"));
            Assert.Equal(4321, await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout"));
            await connection.DisposeAsync();
        }
    }

    [Fact]
    public async Task Write_AfterABurstIsCheckpointed_CutsTheWriteAheadLogBackToItsLimit()
    {
        await using (var setup = await _database.OpenDurableAsync())
        {
            await setup.ExecuteAsync("PRAGMA journal_mode = WAL; CREATE TABLE burst (payload TEXT NOT NULL)");
        }

        // SQLite deletes the log when its last connection closes, and other tests clear every pool of the process at
        // their end: one connection held open keeps the log there to be measured.
        await using var keepsTheLog = await _database.OpenAsync();
        var rows = Enumerable.Range(0, 3 * (int)(SqliteSessionSettings.WalSizeLimitBytes / 8192)).Select(i => new { Payload = new string('x', 8000) + i });
        await using (var writer = await _database.OpenDurableAsync())
        {
            await writer.ExecuteAsync("INSERT INTO burst (payload) VALUES (@Payload)", rows);
        }

        var wal = _database.SqliteFile + "-wal";
        Assert.True(new FileInfo(wal).Length > 2 * SqliteSessionSettings.WalSizeLimitBytes, "the burst should grow the log past its limit");

        await using (var checkpoint = await _database.OpenAsync())
        {
            await checkpoint.ExecuteAsync("PRAGMA wal_checkpoint(PASSIVE)");
        }

        await using (var next = await _database.OpenDurableAsync())
        {
            await next.ExecuteAsync("INSERT INTO burst (payload) VALUES ('after')");
        }

        Assert.InRange(new FileInfo(wal).Length, 0, SqliteSessionSettings.WalSizeLimitBytes);
    }

    private async Task<Settings> SettingsAsync(bool durable)
    {
        await using var connection = durable ? await _database.OpenDurableAsync() : await _database.OpenAsync();
        return new Settings(
            ((GatedSqliteConnection)connection).Inner.Handle!,
            await connection.ExecuteScalarAsync<long>("PRAGMA synchronous"),
            await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys"),
            await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout"),
            await connection.ExecuteScalarAsync<long>("PRAGMA wal_autocheckpoint"));
    }

    private sealed record Settings(object Handle, long Synchronous, long ForeignKeys, long BusyTimeout, long AutoCheckpoint);
}
