using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Storage;
using OutreachBot.Tests.Infrastructure;
using OutreachBot.Webhook;
using Xunit.Abstractions;

namespace OutreachBot.Tests.Webhook;

/// <summary>
/// A citizen's long backlog, stored due only at <see cref="Later"/> so that the bot's own processor leaves it alone and
/// the test claims it as the processor would.
/// </summary>
public abstract class InboxBacklogTests(string provider, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly DateTimeOffset Later = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeMilliseconds());
    private TestWorld _world = null!;
    private TestBot _bot = null!;

    private InboxStore Store => _bot.Services.GetRequiredService<InboxStore>();

    public async Task InitializeAsync()
    {
        _world = await TestWorld.StartAsync(provider);
        _bot = _world.CreateBot(new Dictionary<string, string?> { ["Inbox:PollInterval"] = "00:10:00" }, s => s.AddSingleton<IInboxHandler>(new RecordingHandler()));
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [SkippableFact]
    public async Task ClaimDue_OneCitizensBacklogStoredOutOfOrder_ClaimsARunInTheOrderTheyHappened()
    {
        await StoreBacklogAsync("Uflood", 40);

        var runs = await Store.ClaimDueAsync(32, InboxProcessor.RunLength, Later, Later.AddMinutes(1), CancellationToken.None);

        var run = Assert.Single(runs);
        Assert.Equal(InboxProcessor.RunLength, run.Count);
        Assert.Equal(run.OrderBy(e => e.OccurredAt).Select(e => e.Id), run.Select(e => e.Id));
        Assert.Equal(await EarliestTimestampsAsync(InboxProcessor.RunLength), run.Select(e => e.OccurredAt.ToUnixTimeMilliseconds()));
    }

    [SkippableFact]
    public async Task ClaimDue_EventInTheMiddleOfARunClaimedElsewhere_RunEndsBeforeIt()
    {
        await StoreBacklogAsync("Uflood", 10);
        var third = (await EarliestIdsAsync(3))[2];
        await _world.Database.ExecuteAsync($"UPDATE inbox_events SET claimed_until = {Later.ToUnixTimeMilliseconds() + 1} WHERE id = {third}");

        var run = Assert.Single(await Store.ClaimDueAsync(32, InboxProcessor.RunLength, Later, Later.AddMinutes(1), CancellationToken.None));

        Assert.Equal((await EarliestIdsAsync(2)).ToList(), run.Select(e => e.Id).ToList());
        Assert.Equal(2, await _world.Database.ScalarAsync<long>("SELECT COUNT(*) FROM inbox_events WHERE claimed_until IS NOT NULL AND claimed_until <> " + (Later.ToUnixTimeMilliseconds() + 1)));
    }

    /// <summary>Draining one citizen's backlog one event per claim read every pending row for every event; a run per claim reads them once per run.</summary>
    [SkippableFact]
    public async Task ClaimDue_DrainingOneCitizensBacklog_NeedsAClaimPerRunNotPerEvent()
    {
        const int backlog = 1_500;
        await StoreBacklogAsync("Uone", backlog);
        var (oneByOneClaims, oneByOne) = await DrainAsync(runLength: 1);
        await StoreBacklogAsync("Urun", backlog);
        var (runClaims, inRuns) = await DrainAsync(InboxProcessor.RunLength);

        output.WriteLine($"{provider}: {backlog} events of one citizen drained in {oneByOneClaims} claims ({oneByOne.TotalMilliseconds:0} ms) one at a time, {runClaims} claims ({inRuns.TotalMilliseconds:0} ms) in runs of {InboxProcessor.RunLength}");
        Assert.Equal(backlog, oneByOneClaims);
        Assert.Equal((backlog + InboxProcessor.RunLength - 1) / InboxProcessor.RunLength, runClaims);
    }

    private async Task<(int Claims, TimeSpan Took)> DrainAsync(int runLength)
    {
        var claims = 0;
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var runs = await Store.ClaimDueAsync(32, runLength, Later, Later.AddMinutes(1), CancellationToken.None);
            if (runs.Count == 0)
            {
                return (claims, watch.Elapsed);
            }

            claims++;
            await Store.RecordAsync([.. runs.SelectMany(run => run).Select(e => InboxOutcomeRecord.Finished(e.Id, InboxOutcome.Handled, Later))], CancellationToken.None);
        }
    }

    /// <summary>Stores the events with timestamps out of arrival order: each pair arrives later first.</summary>
    private async Task StoreBacklogAsync(string userId, int count)
    {
        var rows = Enumerable.Range(0, count).Select(i => new
        {
            EventId = $"{userId}-{i}",
            SourceKey = userId,
            Timestamp = 1_000_000L + (i % 2 == 0 ? i + 1 : i - 1),
            Payload = "{}",
            Due = Later.AddMilliseconds(-1),
        });
        await using var connection = await _bot.Services.GetRequiredService<Database>().OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO inbox_events (webhook_event_id, event_type, source_key, event_timestamp, is_redelivery, payload, received_at, next_attempt_at)
            VALUES (@EventId, 'message', @SourceKey, @Timestamp, FALSE, @Payload, @Due, @Due)
            """,
            rows,
            transaction);
        await transaction.CommitAsync();
    }

    private async Task<IReadOnlyList<long>> EarliestTimestampsAsync(int count)
    {
        await using var connection = await _bot.Services.GetRequiredService<Database>().OpenAsync();
        return [.. await connection.QueryAsync<long>($"SELECT event_timestamp FROM inbox_events ORDER BY event_timestamp, id LIMIT {count}")];
    }

    private async Task<IReadOnlyList<long>> EarliestIdsAsync(int count)
    {
        await using var connection = await _bot.Services.GetRequiredService<Database>().OpenAsync();
        return [.. await connection.QueryAsync<long>($"SELECT id FROM inbox_events ORDER BY event_timestamp, id LIMIT {count}")];
    }
}

public sealed class InboxBacklogTestsOnSqlite(ITestOutputHelper output) : InboxBacklogTests("Sqlite", output);

public sealed class InboxBacklogTestsOnPostgres(ITestOutputHelper output) : InboxBacklogTests("Postgres", output);
