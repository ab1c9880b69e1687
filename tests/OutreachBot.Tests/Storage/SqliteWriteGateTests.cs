using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Storage;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Storage;

public sealed class SqliteWriteGateTests() : BotHost("Sqlite")
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _ = Bot.Services;
        await Database.ExecuteAsync("CREATE TABLE gate_probe (id INTEGER PRIMARY KEY, writer TEXT NOT NULL)");
    }

    [Fact]
    public async Task Write_WhileAnotherWriterCommitsBackToBack_GetsItsTurnPromptly()
    {
        var database = Bot.Services.GetRequiredService<Database>();
        using var stop = new CancellationTokenSource();
        var groupCommits = 0;
        var hog = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await using var connection = await database.OpenDurableAsync();
                await using var transaction = await connection.BeginTransactionAsync();
                await connection.ExecuteAsync("INSERT INTO gate_probe (writer) VALUES ('hog')", Enumerable.Repeat(new { }, 50), transaction);
                await transaction.CommitAsync();
                Interlocked.Increment(ref groupCommits);
            }
        });

        while (Volatile.Read(ref groupCommits) < 3)
        {
            await Task.Delay(10);
        }

        var commitsBefore = Volatile.Read(ref groupCommits);
        var waits = new List<TimeSpan>();
        var window = Stopwatch.StartNew();
        while (window.Elapsed < TimeSpan.FromSeconds(2))
        {
            var started = Stopwatch.GetTimestamp();
            await using var connection = await database.OpenAsync();
            await connection.ExecuteAsync("UPDATE gate_probe SET writer = 'other' WHERE id = (SELECT MIN(id) FROM gate_probe WHERE writer = 'hog')");
            waits.Add(Stopwatch.GetElapsedTime(started));
        }

        var commitsMeanwhile = Volatile.Read(ref groupCommits) - commitsBefore;
        await stop.CancelAsync();
        await hog;
        Assert.True(commitsMeanwhile >= 10, $"the back-to-back writer committed only {commitsMeanwhile} times meanwhile, so there was no contention to test");
        // Left to SQLite's busy handler most writes sleep 100 ms at a time and some wait out the 5 s busy timeout.
        var median = waits.Order().ElementAt(waits.Count / 2);
        Assert.True(median < TimeSpan.FromMilliseconds(50), $"half the writes waited {median.TotalMilliseconds:F0} ms or more for their turn");
        Assert.True(waits.Max() < TimeSpan.FromSeconds(2), $"a write waited {waits.Max().TotalMilliseconds:F0} ms for its turn");
        Assert.Equal(waits.Count, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM gate_probe WHERE writer = 'other'"));
    }
}

public sealed class SqliteWriteGateOrderTests
{
    [Fact]
    public async Task Turns_DurableCommitWaitingBehindOthers_GoesAfterAtMostFourOfThemAndTheOthersInArrivalOrder()
    {
        var gate = new SqliteWriteGate(TimeSpan.FromSeconds(5), othersPerDurable: 4);
        var order = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var holder = await gate.EnterAsync(durable: false, CancellationToken.None);
        var waiting = Enumerable.Range(1, 6).Select(i => TakeTurnAsync(gate, durable: false, $"other{i}", order))
            .Append(TakeTurnAsync(gate, durable: true, "durable", order))
            .ToList();

        holder.Dispose();
        await Task.WhenAll(waiting);

        Assert.Equal(["other1", "other2", "other3", "other4", "durable", "other5", "other6"], order);
    }

    [Fact]
    public async Task Turns_HalfAnOtherWritePerDurableCommit_OneOtherGoesBeforeEverySecondDurableCommit()
    {
        var gate = new SqliteWriteGate(TimeSpan.FromSeconds(5), othersPerDurable: 0.5);
        var order = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var holder = await gate.EnterAsync(durable: false, CancellationToken.None);
        var waiting = Enumerable.Range(1, 3).Select(i => TakeTurnAsync(gate, durable: false, $"other{i}", order))
            .Concat(Enumerable.Range(1, 4).Select(i => TakeTurnAsync(gate, durable: true, $"durable{i}", order)))
            .ToList();

        holder.Dispose();
        await Task.WhenAll(waiting);

        Assert.Equal(["durable1", "other1", "durable2", "durable3", "other2", "durable4", "other3"], order);
    }

    [Fact]
    public async Task Turns_WaitLongerThanTheTimeout_FailsAsDatabaseLockedAndLeavesTheQueue()
    {
        var gate = new SqliteWriteGate(TimeSpan.FromMilliseconds(50));
        var holder = await gate.EnterAsync(durable: false, CancellationToken.None);

        var error = await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(async () => await gate.EnterAsync(durable: true, CancellationToken.None));
        holder.Dispose();
        using var next = await gate.EnterAsync(durable: false, CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(1));

        Assert.Equal(5, error.SqliteErrorCode);
    }

    private static async Task TakeTurnAsync(SqliteWriteGate gate, bool durable, string name, System.Collections.Concurrent.ConcurrentQueue<string> order)
    {
        using var turn = await gate.EnterAsync(durable, CancellationToken.None);
        order.Enqueue(name);
    }
}
