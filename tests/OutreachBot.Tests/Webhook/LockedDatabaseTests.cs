using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OutreachBot.Tests.Infrastructure;
using OutreachBot.Webhook;

namespace OutreachBot.Tests.Webhook;

/// <summary>
/// LINE's webhook while another connection holds the database's write lock for longer than the bot waits for it: the
/// bot answers 500 with nothing of the request kept, and LINE's redeliveries of the same events are stored and handled once.
/// </summary>
public abstract class LockedDatabaseTests(string provider) : IAsyncLifetime
{
    private readonly RecordingHandler _handler = new();
    private TestWorld _world = null!;
    private TestBot _bot = null!;

    /// <summary>Settings that make the bot give up on a held lock within a second.</summary>
    protected abstract Dictionary<string, string?> WaitBriefly(TestDatabase database);

    /// <summary>Another connection that holds the write lock on the inbox until disposed.</summary>
    protected abstract Task<IAsyncDisposable> HoldWriteLockAsync(TestDatabase database);

    public async Task InitializeAsync()
    {
        _world = await TestWorld.StartAsync(provider);
        _bot = _world.StartBot(WaitBriefly(_world.Database), s => s.AddSingleton<IInboxHandler>(_handler));
        await _bot.PostWebhookAsync(WebhookBodies.Body());
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [SkippableFact]
    public async Task Webhook_WhileTheDatabaseIsLocked_Answers500KeepsNothingAndTheRedeliveryIsStoredAndHandledOnce()
    {
        var (first, second) = (WebhookBodies.NewEventId(), WebhookBodies.NewEventId());
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        string Body(bool redelivery) => WebhookBodies.Body(
            WebhookBodies.TextEvent("Ua", "ボランティア", first, timestamp, redelivery),
            WebhookBodies.TextEvent("Ub", "講座", second, timestamp, redelivery));

        await using (await HoldWriteLockAsync(_world.Database))
        {
            using var refused = await _bot.PostWebhookAsync(Body(redelivery: false));
            Assert.Equal(HttpStatusCode.InternalServerError, refused.StatusCode);
        }

        Assert.Equal(0, await _bot.CountInboxAsync());
        using var redelivered = await _bot.PostWebhookAsync(Body(redelivery: true));
        using var redeliveredAgain = await _bot.PostWebhookAsync(Body(redelivery: true));
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, redeliveredAgain.StatusCode);
        await _handler.WaitForAsync(h => h.Count >= 2);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.Equal(2, await _bot.CountInboxAsync());
        Assert.Equal(new[] { first, second }.Order(), _handler.Handled.Select(e => e.WebhookEventId).Order());
    }
}

public sealed class LockedDatabaseTestsOnSqlite() : LockedDatabaseTests("Sqlite")
{
    protected override Dictionary<string, string?> WaitBriefly(TestDatabase database) => new() { ["Storage:BusyTimeout"] = "00:00:00.500" };

    protected override async Task<IAsyncDisposable> HoldWriteLockAsync(TestDatabase database)
    {
        // Not pooled: closing it must end the transaction and let go of the lock.
        var connection = new SqliteConnection(database.ConnectionString + ";Pooling=False");
        await connection.OpenAsync();
        await using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        await begin.ExecuteNonQueryAsync();
        return connection;
    }
}

public sealed class LockedDatabaseTestsOnPostgres() : LockedDatabaseTests("Postgres")
{
    protected override Dictionary<string, string?> WaitBriefly(TestDatabase database) =>
        new() { ["Storage:ConnectionString"] = database.ConnectionString + ";Options=-c lock_timeout=500" };

    protected override async Task<IAsyncDisposable> HoldWriteLockAsync(TestDatabase database)
    {
        var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var begin = new NpgsqlCommand("BEGIN; LOCK TABLE inbox_events IN EXCLUSIVE MODE", connection);
        await begin.ExecuteNonQueryAsync();
        return connection;
    }
}
