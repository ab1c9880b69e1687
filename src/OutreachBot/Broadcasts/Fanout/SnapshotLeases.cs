using Dapper;
using Microsoft.Extensions.Options;
using OutreachBot.Cluster;

namespace OutreachBot.Broadcasts.Fanout;

/// <summary>
/// Who writes a run's snapshot: an owner token and a lease end, like a batch's claim, so that exactly one process
/// writes or resumes each snapshot, and a stopped writer's snapshot is taken over once its lease runs out.
/// </summary>
public sealed partial class SnapshotLeases(
    Database database,
    IOptions<BroadcastOptions> options,
    IOptions<ClusterOptions> cluster,
    TimeProvider time,
    ILogger<SnapshotLeases> logger)
{
    // Owners of this process's leases start with this, so that a start-up on SQLite releases only its predecessors'.
    private readonly string _ownerPrefix = $"{cluster.Value.InstanceId}/{Guid.NewGuid():N}/";

    /// <summary>Snapshots nobody writes (their writer died, or gave up): the runs, oldest first.</summary>
    public async Task<IReadOnlyList<long>> OrphansAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<long>(new CommandDefinition(
            """
            SELECT id FROM broadcast_runs
            WHERE snapshotted_at IS NULL AND status IN ('sending', 'held') AND (snapshot_claimed_until IS NULL OR snapshot_claimed_until < @Now)
            ORDER BY id
            """,
            new { Now = Now() },
            cancellationToken: cancellationToken))];
    }

    /// <summary>Takes over an orphaned snapshot; null when another process took it first or it is no longer needed.</summary>
    public async Task<(SnapshotLease Lease, long BroadcastId, string Messages)?> ClaimAsync(long runId, CancellationToken cancellationToken)
    {
        var owner = NewOwner();
        await using var connection = await database.OpenAsync(cancellationToken);
        var claimed = await connection.QuerySingleOrDefaultAsync<Orphan>(new CommandDefinition(
            """
            UPDATE broadcast_runs SET snapshot_owner = @Owner, snapshot_claimed_until = @Until
            WHERE id = @Id AND snapshotted_at IS NULL AND status IN ('sending', 'held') AND (snapshot_claimed_until IS NULL OR snapshot_claimed_until < @Now)
            RETURNING broadcast_id AS BroadcastId, messages AS Messages, snapshot_cursor AS Cursor
            """,
            new { Id = runId, Owner = owner, Until = LeaseEnd(), Now = Now() },
            cancellationToken: cancellationToken));
        return claimed is null ? null : (new SnapshotLease(runId, owner, claimed.Cursor), claimed.BroadcastId, claimed.Messages);
    }

    /// <summary>The snapshot leases of an earlier process, on SQLite (their writer died).</summary>
    public Task<int> ReleaseOrphanedAsync(CancellationToken cancellationToken) =>
        database.ReleaseOrphanedClaimsAsync(
            """
            UPDATE broadcast_runs SET snapshot_claimed_until = NULL
            WHERE snapshotted_at IS NULL AND snapshot_claimed_until IS NOT NULL AND substr(snapshot_owner, 1, @Length) <> @Prefix
            """,
            new { Prefix = _ownerPrefix, _ownerPrefix.Length },
            cancellationToken);

    public async Task ReleaseAsync(SnapshotLease lease)
    {
        try
        {
            await using var connection = await database.OpenAsync(CancellationToken.None);
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE broadcast_runs SET snapshot_claimed_until = NULL WHERE id = @Id AND snapshot_owner = @Owner",
                new { Id = lease.RunId, lease.Owner }));
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            LogNotReleased(ex, lease.RunId);
        }
    }

    public string NewOwner() => _ownerPrefix + Guid.NewGuid().ToString("N");

    public DateTimeOffset LeaseEnd() => Now() + options.Value.BatchLease;

    private DateTimeOffset Now() => time.GetUtcNow();

    private sealed record Orphan
    {
        public long BroadcastId { get; init; }

        public required string Messages { get; init; }

        public string? Cursor { get; init; }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release the snapshot lease of run {RunId}; it is resumed once the lease runs out")]
    private partial void LogNotReleased(Exception exception, long runId);
}
