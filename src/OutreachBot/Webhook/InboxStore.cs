using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Options;
using OutreachBot.Cluster;

namespace OutreachBot.Webhook;

/// <summary>The inbox processor's and the staff API's view of stored webhook events.</summary>
public sealed class InboxStore(Database database, IOptions<ClusterOptions> cluster)
{
    private const string Columns =
        "id, webhook_event_id AS WebhookEventId, event_type AS Type, source_key AS SourceKey, event_timestamp AS OccurredAt, " +
        "is_redelivery AS IsRedelivery, payload, attempts, received_at AS ReceivedAt, replied_at AS RepliedAt";

    /// <summary>Pending events read at once when looking for claimable ones; more than are pending when the bot keeps up.</summary>
    private const int PendingPage = 256;

    /// <summary>
    /// Claims up to <paramref name="limit"/> due events as runs: of each source, up to <paramref name="runLength"/>
    /// consecutive events in the order they happened, starting with the one that happened first among its pending
    /// events. A later event of the same citizen waits until the earlier ones are done or parked, so each citizen is
    /// handled in order even when LINE delivers their events out of order; a run is handled one event after another.
    /// </summary>
    /// <remarks>
    /// The pending events are read from the oldest arrival on, a page at a time, until enough are claimable. An event
    /// that arrives behind more than a page of pending events is ordered among what was read, i.e. by arrival. This
    /// needs no index by citizen, whose random inserts cost every webhook a page write under a backlog. Claiming a run
    /// instead of one event makes a citizen's backlog cost one such read per run rather than one per event.
    /// </remarks>
    public async Task<IReadOnlyList<IReadOnlyList<InboxEvent>>> ClaimDueAsync(int limit, int runLength, DateTimeOffset now, DateTimeOffset claimUntil, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var runs = await FindClaimableAsync(connection, limit, runLength, now, cancellationToken);
        if (runs.Count == 0)
        {
            return [];
        }

        var claimed = (await connection.QueryAsync<InboxEvent>(new CommandDefinition(
            $"""
            UPDATE inbox_events SET claimed_until = @ClaimUntil, claimed_by = @Instance
            WHERE id {database.Dialect.In("@Ids")} AND state = 'pending' AND (claimed_until IS NULL OR claimed_until < @Now)
            RETURNING {Columns}
            """,
            new { Ids = runs.SelectMany(run => run).ToList(), Now = now, ClaimUntil = claimUntil, Instance = cluster.Value.InstanceId },
            cancellationToken: cancellationToken))).ToDictionary(e => e.Id);
        return await KeepUnbrokenRunsAsync(connection, runs, claimed, claimUntil, cancellationToken);
    }

    /// <summary>
    /// Another instance may have claimed part of a run meanwhile. Only what this claim got from the run's start up to
    /// the first event it missed may be handled in order; the rest is given back at once.
    /// </summary>
    private static async Task<IReadOnlyList<IReadOnlyList<InboxEvent>>> KeepUnbrokenRunsAsync(
        DbConnection connection, IReadOnlyList<IReadOnlyList<long>> runs, Dictionary<long, InboxEvent> claimed, DateTimeOffset claimUntil, CancellationToken cancellationToken)
    {
        var kept = new List<IReadOnlyList<InboxEvent>>(runs.Count);
        var givenBack = new List<long>();
        foreach (var run in runs)
        {
            var unbroken = run.TakeWhile(claimed.ContainsKey).Select(id => claimed[id]).ToList();
            if (unbroken.Count > 0)
            {
                kept.Add(unbroken);
            }

            givenBack.AddRange(run.Skip(unbroken.Count).Where(claimed.ContainsKey));
        }

        if (givenBack.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE inbox_events SET claimed_until = NULL WHERE id = @Id AND claimed_until = @ClaimUntil",
                givenBack.Select(id => new { Id = id, ClaimUntil = claimUntil }),
                cancellationToken: cancellationToken));
        }

        return kept;
    }

    private static async Task<IReadOnlyList<IReadOnlyList<long>>> FindClaimableAsync(
        DbConnection connection, int limit, int runLength, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claimable = new ClaimableEvents(now.ToUnixTimeMilliseconds(), runLength);
        var after = 0L;
        while (true)
        {
            var page = (await connection.QueryAsync<PendingEvent>(new CommandDefinition(
                """
                SELECT id, source_key AS SourceKey, event_timestamp AS EventTimestamp, next_attempt_at AS NextAttemptAt, claimed_until AS ClaimedUntil
                FROM inbox_events
                WHERE state = 'pending' AND id > @After
                ORDER BY id
                LIMIT @Page
                """,
                new { After = after, Page = PendingPage },
                cancellationToken: cancellationToken))).AsList();
            foreach (var pending in page)
            {
                claimable.Add(pending);
            }

            if (page.Count < PendingPage || claimable.Count >= limit)
            {
                return claimable.TakeRuns(limit);
            }

            after = page[^1].Id;
        }
    }

    /// <summary>
    /// Records what became of handled events, all in one transaction: done or skipped, failed and due again at
    /// <see cref="InboxOutcomeRecord.RetryAt"/>, or parked.
    /// </summary>
    public async Task RecordAsync(IReadOnlyList<InboxOutcomeRecord> outcomes, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE inbox_events
            SET state = @State, attempts = attempts + 1, last_error = @Error, claimed_until = NULL,
                next_attempt_at = COALESCE(@RetryAt, next_attempt_at),
                finished_at = CASE WHEN @State = 'pending' THEN NULL ELSE @At END
            WHERE id = @Id
            """,
            outcomes,
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Gives back events whose handling was interrupted by a shutdown, so they are handled next time without waiting for the lease.</summary>
    public async Task ReleaseAsync(long id)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync("UPDATE inbox_events SET claimed_until = NULL WHERE id = @Id AND state = 'pending'", new { Id = id });
    }

    /// <summary>A dead process's claims, on SQLite. Call before this process claims anything.</summary>
    public Task<int> ReleaseOrphanedClaimsAsync(CancellationToken cancellationToken) =>
        database.ReleaseOrphanedClaimsAsync(
            "UPDATE inbox_events SET claimed_until = NULL WHERE state = 'pending' AND claimed_until IS NOT NULL", null, cancellationToken);

    public async Task<IReadOnlyList<ParkedEvent>> ListParkedAsync(int limit, long beforeId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var parked = await connection.QueryAsync<ParkedEvent>(new CommandDefinition(
            """
            SELECT id, webhook_event_id AS WebhookEventId, event_type AS Type, source_key AS SourceKey,
                   event_timestamp AS OccurredAt, received_at AS ReceivedAt, attempts, last_error AS LastError,
                   finished_at AS ParkedAt
            FROM inbox_events
            WHERE state = 'parked' AND id < @BeforeId
            ORDER BY id DESC
            LIMIT @Limit
            """,
            new { Limit = limit, BeforeId = beforeId },
            cancellationToken: cancellationToken));
        return [.. parked];
    }

    public async Task<long> CountParkedAsync(CancellationToken cancellationToken) =>
        await database.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM inbox_events WHERE state = 'parked'", null, cancellationToken);

    /// <summary>Puts a parked event back in line, e.g. after the fault that parked it was fixed. False when it is not parked.</summary>
    public async Task<bool> RequeueParkedAsync(long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE inbox_events SET state = 'pending', attempts = 0, next_attempt_at = @Now, finished_at = NULL
            WHERE id = @Id AND state = 'parked'
            """,
            new { Id = id, Now = now },
            cancellationToken: cancellationToken));
        return changed == 1;
    }
}
