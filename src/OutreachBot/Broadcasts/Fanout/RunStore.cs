using Dapper;

namespace OutreachBot.Broadcasts.Fanout;

/// <summary>A run with its recipients counted by what became of them.</summary>
public sealed record RunSummary
{
    public long Id { get; init; }

    public long BroadcastId { get; init; }

    public DateTimeOffset Occurrence { get; init; }

    public required string Status { get; init; }

    public long Targeted { get; init; }

    public long Accepted { get; init; }

    public long Failed { get; init; }

    public long Pending { get; init; }

    public long Cancelled { get; init; }

    /// <summary>Snapshotted, then left out because they unfollowed before their batch went.</summary>
    public long Dropped { get; init; }

    public long Batches { get; init; }

    public string? Reason { get; init; }

    public string? ForcedBy { get; init; }

    public DateTimeOffset FiredAt { get; init; }

    /// <summary>When the last chunk of its snapshot was committed; null while recipients are still being added.</summary>
    public DateTimeOffset? SnapshottedAt { get; init; }

    /// <summary>Recipients are still being added (and <see cref="Targeted"/> still grows).</summary>
    public bool Snapshotting => SnapshottedAt is null && Status is "sending" or "held";

    public DateTimeOffset? FinishedAt { get; init; }
}

/// <summary>A batch LINE refused or that could not be delivered, with LINE's own message and request ids.</summary>
public sealed record BatchError
{
    public long BatchId { get; init; }

    public long RunId { get; init; }

    public int Seq { get; init; }

    public required string Language { get; init; }

    public int Recipients { get; init; }

    public required string State { get; init; }

    public int Attempts { get; init; }

    public int? StatusCode { get; init; }

    public string? Error { get; init; }

    /// <summary>The <c>x-line-request-id</c> of every try, oldest first.</summary>
    public string? RequestIds { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }
}

public sealed class RunStore(Database database)
{
    public async Task<IReadOnlyList<RunSummary>> ForBroadcastAsync(long broadcastId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<RunSummary>(new CommandDefinition(
            """
            SELECT r.id, r.broadcast_id AS BroadcastId, r.occurrence, r.status, r.targeted, r.reason, r.forced_by AS ForcedBy,
                   r.fired_at AS FiredAt, r.finished_at AS FinishedAt, r.snapshotted_at AS SnapshottedAt,
                   COALESCE(SUM(CASE WHEN b.state = 'accepted' THEN b.recipient_count END), 0) AS Accepted,
                   COALESCE(SUM(CASE WHEN b.state = 'failed' THEN b.recipient_count END), 0) AS Failed,
                   COALESCE(SUM(CASE WHEN b.state = 'pending' THEN b.recipient_count END), 0) AS Pending,
                   COALESCE(SUM(CASE WHEN b.state = 'cancelled' THEN b.recipient_count END), 0) AS Cancelled,
                   COALESCE(SUM(b.dropped), 0) AS Dropped,
                   COUNT(b.id) AS Batches
            FROM broadcast_runs r LEFT JOIN broadcast_batches b ON b.run_id = r.id
            WHERE r.broadcast_id = @Id
            GROUP BY r.id, r.broadcast_id, r.occurrence, r.status, r.targeted, r.reason, r.forced_by, r.fired_at, r.finished_at, r.snapshotted_at
            ORDER BY r.occurrence DESC, r.id DESC
            LIMIT @Limit
            """,
            new { Id = broadcastId, Limit = limit },
            cancellationToken: cancellationToken))];
    }

    /// <summary>Failed batches, and pending ones that have failed at least once (with the error of their last try).</summary>
    public async Task<IReadOnlyList<BatchError>> ErrorsAsync(long runId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<BatchError>(new CommandDefinition(
            """
            SELECT id AS BatchId, run_id AS RunId, seq, language, recipient_count AS Recipients, state, attempts, status_code AS StatusCode,
                   error, request_ids AS RequestIds, finished_at AS FinishedAt
            FROM broadcast_batches
            WHERE run_id = @RunId AND error IS NOT NULL AND state IN ('failed', 'pending')
            ORDER BY seq
            LIMIT @Limit
            """,
            new { RunId = runId, Limit = limit },
            cancellationToken: cancellationToken))];
    }
}
