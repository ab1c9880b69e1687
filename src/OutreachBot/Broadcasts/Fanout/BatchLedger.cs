using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Options;
using OutreachBot.Cluster;
using OutreachBot.LineSending;

namespace OutreachBot.Broadcasts.Fanout;

/// <summary>A batch handed to a sender: who, which messages, and the retry key to send them with.</summary>
public sealed record ClaimedBatch(long Id, long RunId, int Seq, string Language, RecipientList Recipients, Guid RetryKey, DateTimeOffset FirstSentAt, int Attempts);

/// <summary>What became of one multicast attempt.</summary>
public sealed record BatchOutcome(long BatchId, long RunId, BatchOutcomeKind Kind)
{
    public int? StatusCode { get; init; }

    public string? RequestId { get; init; }

    public string? AcceptedRequestId { get; init; }

    public string? Error { get; init; }

    /// <summary>For a retry: LINE may have acted on the request (no answer, 5xx), so the key and list are frozen.</summary>
    public bool MaybeDelivered { get; init; }

    public DateTimeOffset NextAttemptAt { get; init; }
}

public enum BatchOutcomeKind
{
    Accepted,
    Retry,
    Failed,
    Cancelled,
}

/// <summary>
/// The delivery ledger: batches are claimed with a lease (rows skipped by other instances on PostgreSQL), and every
/// outcome is recorded before the batch can be claimed again. What LINE accepted is never sent again; what it may have
/// accepted is sent again only with the same key and the same recipients.
/// </summary>
public sealed class BatchLedger(Database database, IOptions<BroadcastOptions> options, IOptions<ClusterOptions> cluster, TimeProvider time)
{
    /// <summary>
    /// Claims up to <paramref name="limit"/> due batches of runs that are sending (only urgent ones when
    /// <paramref name="urgentOnly"/>: disaster mode holds the rest); unsent lists lose citizens who unfollowed since the snapshot.
    /// </summary>
    public async Task<IReadOnlyList<ClaimedBatch>> ClaimAsync(int limit, bool urgentOnly, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Read once the transaction has begun: on SQLite that waits for the write lock, which a snapshot of a million
        // recipients holds for seconds, and a time read before it would date the lease and the first send too early.
        var now = time.GetUtcNow();
        var rows = (await connection.QueryAsync<Candidate>(new CommandDefinition(
            $"""
            SELECT b.id, b.run_id AS RunId, b.seq, b.language, l.recipients, b.key_generation AS KeyGeneration, b.key_uncertain AS KeyUncertain,
                   b.claimed_until AS ClaimedUntil, b.first_sent_at AS FirstSentAt, b.attempts, r.key_nonce AS KeyNonce, r.fired_at AS FiredAt
            FROM broadcast_batches b JOIN broadcast_runs r ON r.id = b.run_id JOIN broadcast_batch_recipients l ON l.batch_id = b.id
                 JOIN broadcasts bc ON bc.id = r.broadcast_id
            WHERE b.state = 'pending' AND b.next_attempt_at <= @Now AND (b.claimed_until IS NULL OR b.claimed_until < @Now) AND r.status = 'sending' AND NOT b.filling
                  AND (bc.urgent OR NOT @UrgentOnly)
            ORDER BY b.next_attempt_at, b.id
            LIMIT @Limit
            {database.Dialect.SkipLockedOf("b")}
            """,
            new { Now = now, Limit = limit, UrgentOnly = urgentOnly },
            transaction,
            cancellationToken: cancellationToken))).ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        var left = new Dictionary<long, HashSet<string>>();
        var claimed = new List<ClaimedBatch>(rows.Count);
        foreach (var row in rows)
        {
            // A lease that ran out without an outcome: the process died mid-call, so LINE may have the request.
            var uncertain = row.KeyUncertain || row.ClaimedUntil is not null;
            var recipients = RecipientList.Parse(row.Recipients);
            var generation = row.KeyGeneration;
            var dropped = 0;
            if (!uncertain)
            {
                if (!left.TryGetValue(row.RunId, out var gone))
                {
                    gone = await LeftSinceAsync(connection, transaction, row.FiredAt, cancellationToken);
                    left[row.RunId] = gone;
                }

                var kept = recipients.Without(gone);
                if (kept.Count < recipients.Count)
                {
                    dropped = recipients.Count - kept.Count;
                    recipients = kept;
                    generation++;
                }
            }

            if (dropped > 0)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    UPDATE broadcast_batches SET recipient_count = @Count, dropped = dropped + @Dropped, key_generation = @Generation WHERE id = @Id;
                    UPDATE broadcast_batch_recipients SET recipients = @Recipients WHERE batch_id = @Id
                    """,
                    new { row.Id, Recipients = recipients.Joined, recipients.Count, Dropped = dropped, Generation = generation },
                    transaction,
                    cancellationToken: cancellationToken));
            }

            claimed.Add(new ClaimedBatch(
                row.Id, row.RunId, row.Seq, row.Language, recipients, RetryKeys.Derive(Guid.Parse(row.KeyNonce), row.Seq, generation), row.FirstSentAt ?? now, row.Attempts + 1));
        }

        // One statement for the lot; each batch's own values are its old ones (a lease that ran out makes the key uncertain).
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE broadcast_batches
            SET key_uncertain = (key_uncertain OR claimed_until IS NOT NULL), claimed_until = @Until, claimed_by = @Instance, attempts = attempts + 1,
                first_sent_at = COALESCE(first_sent_at, @Now)
            WHERE id {database.Dialect.In("@Ids")}
            """,
            new
            {
                Ids = claimed.Select(c => c.Id).ToList(),
                Until = now + options.Value.BatchLease,
                Instance = cluster.Value.InstanceId,
                Now = now,
            },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }

    /// <summary>Records outcomes together (one commit for many), then closes the runs that have nothing left to send.</summary>
    public async Task RecordAsync(IReadOnlyList<BatchOutcome> outcomes, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var outcome in outcomes)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                outcome.Kind switch
                {
                    BatchOutcomeKind.Accepted => "UPDATE broadcast_batches SET state = 'accepted', accepted_request_id = @AcceptedRequestId, error = NULL, finished_at = @Now, " + Common,
                    BatchOutcomeKind.Failed => "UPDATE broadcast_batches SET state = 'failed', error = @Error, finished_at = @Now, " + Common,
                    BatchOutcomeKind.Cancelled => "UPDATE broadcast_batches SET state = 'cancelled', finished_at = @Now, " + Common,
                    _ => "UPDATE broadcast_batches SET next_attempt_at = @NextAttemptAt, key_uncertain = (key_uncertain OR @MaybeDelivered), error = @Error, " + Common,
                },
                new
                {
                    Id = outcome.BatchId,
                    outcome.AcceptedRequestId,
                    outcome.Error,
                    outcome.StatusCode,
                    outcome.RequestId,
                    outcome.NextAttemptAt,
                    outcome.MaybeDelivered,
                    Now = now,
                },
                transaction,
                cancellationToken: cancellationToken));
        }

        await FinishRunsAsync(database.Dialect, connection, transaction, [.. outcomes.Select(o => o.RunId).Distinct()], now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A dead process's claims, on SQLite: released as requests LINE may have seen.</summary>
    public Task<int> ReleaseOrphanedClaimsAsync(CancellationToken cancellationToken) =>
        database.ReleaseOrphanedClaimsAsync(
            "UPDATE broadcast_batches SET key_uncertain = @Uncertain, claimed_until = NULL WHERE state = 'pending' AND claimed_until IS NOT NULL",
            new { Uncertain = true },
            cancellationToken);

    /// <summary>Stops the runs of a broadcast: batches not handed to a sender are cancelled; those in flight finish.</summary>
    public async Task<IReadOnlyList<long>> CancelRunsAsync(long broadcastId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var runs = (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT id FROM broadcast_runs WHERE broadcast_id = @Id AND status IN ('sending', 'held')", new { Id = broadcastId }, transaction, cancellationToken: cancellationToken))).ToList();
        if (runs.Count > 0)
        {
            // The runs first, as a snapshot's chunk takes its run first: on PostgreSQL the two then wait for each other in
            // one order, and the batches below include every chunk committed before this cancel.
            await connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE broadcast_runs SET status = 'cancelled', finished_at = @Now WHERE id {database.Dialect.In("@Runs")}",
                new { Runs = runs, Now = now },
                transaction,
                cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                $"""
                UPDATE broadcast_batches SET state = 'cancelled', finished_at = @Now
                WHERE run_id {database.Dialect.In("@Runs")} AND state = 'pending' AND (claimed_until IS NULL OR claimed_until < @Now);
                UPDATE mail_deliveries SET state = 'cancelled', finished_at = @Now
                WHERE run_id {database.Dialect.In("@Runs")} AND state = 'pending' AND (claimed_until IS NULL OR claimed_until < @Now);
                UPDATE social_posts SET status = 'cancelled'
                WHERE run_id {database.Dialect.In("@Runs")} AND status = 'pending' AND intent_at IS NULL AND (claimed_until IS NULL OR claimed_until < @Now)
                """,
                new { Runs = runs, Now = now },
                transaction,
                cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return runs;
    }

    /// <summary>Releases a run held for quota; false when it is not held.</summary>
    public async Task<bool> ForceAsync(long broadcastId, string by, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE broadcast_runs SET status = 'sending', forced_by = @By WHERE broadcast_id = @Id AND status = 'held'",
            new { Id = broadcastId, By = by },
            cancellationToken: cancellationToken)) > 0;
    }

    private const string Common =
        """
        claimed_until = NULL, status_code = @StatusCode,
        request_ids = CASE WHEN @RequestId IS NULL THEN request_ids WHEN request_ids IS NULL THEN @RequestId ELSE request_ids || ' ' || @RequestId END
        WHERE id = @Id
        """;

    /// <summary>
    /// Finishes the runs whose last outcome was recorded while their snapshot's last chunk was being committed: on
    /// PostgreSQL neither transaction then sees the other's write, so neither finished the run.
    /// </summary>
    public async Task<int> FinishIdleRunsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var idle = (await connection.QueryAsync<long>(new CommandDefinition(
            """
            SELECT r.id FROM broadcast_runs r
            WHERE r.status = 'sending' AND r.snapshotted_at IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM broadcast_batches b WHERE b.run_id = r.id AND b.state = 'pending')
              AND NOT EXISTS (SELECT 1 FROM mail_deliveries d WHERE d.run_id = r.id AND d.state = 'pending')
            """,
            cancellationToken: cancellationToken))).ToList();
        if (idle.Count == 0)
        {
            return 0;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await FinishRunsAsync(database.Dialect, connection, transaction, idle, time.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return idle.Count;
    }

    /// <summary>Closes the runs that have nothing left to send and whose snapshot is complete: sent, or failed when nothing was accepted.</summary>
    internal static async Task FinishRunsAsync(SqlDialect dialect, DbConnection connection, DbTransaction transaction, IReadOnlyList<long> runIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (runIds.Count == 0)
        {
            return;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE broadcast_runs
            SET finished_at = @Now,
                status = CASE WHEN EXISTS (SELECT 1 FROM broadcast_batches b WHERE b.run_id = broadcast_runs.id AND b.state = 'failed')
                               AND NOT EXISTS (SELECT 1 FROM broadcast_batches b WHERE b.run_id = broadcast_runs.id AND b.state = 'accepted' AND b.recipient_count > 0)
                              THEN 'failed' ELSE 'sent' END
            WHERE id {dialect.In("@Runs")} AND status = 'sending' AND snapshotted_at IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM broadcast_batches b WHERE b.run_id = broadcast_runs.id AND b.state = 'pending')
              AND NOT EXISTS (SELECT 1 FROM mail_deliveries d WHERE d.run_id = broadcast_runs.id AND d.state = 'pending')
            """,
            new { Runs = runIds, Now = now },
            transaction,
            cancellationToken: cancellationToken));
    }

    private static async Task<HashSet<string>> LeftSinceAsync(DbConnection connection, DbTransaction transaction, DateTimeOffset since, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT user_id FROM citizens WHERE NOT following AND updated_at >= @Since",
            new { Since = since },
            transaction,
            cancellationToken: cancellationToken))).ToHashSet(StringComparer.Ordinal);

    private sealed record Candidate
    {
        public long Id { get; init; }

        public long RunId { get; init; }

        public int Seq { get; init; }

        public required string Language { get; init; }

        public required string Recipients { get; init; }

        public int KeyGeneration { get; init; }

        public bool KeyUncertain { get; init; }

        public DateTimeOffset? ClaimedUntil { get; init; }

        public DateTimeOffset? FirstSentAt { get; init; }

        public int Attempts { get; init; }

        public required string KeyNonce { get; init; }

        public DateTimeOffset FiredAt { get; init; }
    }
}
