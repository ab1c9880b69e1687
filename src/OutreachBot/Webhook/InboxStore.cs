using Dapper;
using OutreachBot.Storage;

namespace OutreachBot.Webhook;

/// <summary>The inbox processor's and the staff API's view of stored webhook events.</summary>
public sealed class InboxStore(Database database)
{
    private const string Columns =
        "id, webhook_event_id AS WebhookEventId, event_type AS Type, source_key AS SourceKey, event_timestamp AS EventTimestamp, " +
        "is_redelivery AS IsRedelivery, payload, attempts, received_at AS ReceivedAt";

    /// <summary>
    /// Claims up to <paramref name="limit"/> due events, at most one per source: the earliest of that source still pending.
    /// A later event of the same citizen waits until the earlier one is done or parked, so each citizen is handled in order.
    /// </summary>
    public async Task<IReadOnlyList<InboxEvent>> ClaimDueAsync(int limit, long now, long claimUntil, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var claimed = await connection.QueryAsync<InboxEvent>(new CommandDefinition(
            $"""
            UPDATE inbox_events SET claimed_until = @ClaimUntil
            WHERE id IN (
                SELECT e.id FROM inbox_events e
                WHERE e.state = 'pending' AND e.next_attempt_at <= @Now
                  AND (e.claimed_until IS NULL OR e.claimed_until < @Now)
                  AND NOT EXISTS (
                      SELECT 1 FROM inbox_events earlier
                      WHERE earlier.source_key = e.source_key AND earlier.state = 'pending'
                        AND (earlier.event_timestamp < e.event_timestamp
                             OR (earlier.event_timestamp = e.event_timestamp AND earlier.id < e.id)))
                ORDER BY e.id
                LIMIT @Limit)
              AND (claimed_until IS NULL OR claimed_until < @Now)
            RETURNING {Columns}
            """,
            new { Limit = limit, Now = now, ClaimUntil = claimUntil },
            cancellationToken: cancellationToken));
        return [.. claimed.OrderBy(e => e.Id)];
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

    public async Task<IReadOnlyList<ParkedEvent>> ListParkedAsync(int limit, long beforeId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var parked = await connection.QueryAsync<ParkedEvent>(new CommandDefinition(
            """
            SELECT id, webhook_event_id AS WebhookEventId, event_type AS Type, source_key AS SourceKey,
                   event_timestamp AS EventTimestamp, received_at AS ReceivedAt, attempts, last_error AS LastError,
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

    public async Task<long> CountParkedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM inbox_events WHERE state = 'parked'", cancellationToken: cancellationToken));
    }

    /// <summary>Puts a parked event back in line, e.g. after the fault that parked it was fixed. False when it is not parked.</summary>
    public async Task<bool> RequeueParkedAsync(long id, long now, CancellationToken cancellationToken)
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

/// <summary>A webhook event that failed every try, for staff to look at (the payload stays in the database).</summary>
public sealed record ParkedEvent
{
    public long Id { get; init; }

    public required string WebhookEventId { get; init; }

    public required string Type { get; init; }

    public string? SourceKey { get; init; }

    public long EventTimestamp { get; init; }

    public long ReceivedAt { get; init; }

    public int Attempts { get; init; }

    public string? LastError { get; init; }

    public long? ParkedAt { get; init; }
}
