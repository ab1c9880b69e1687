using Dapper;
using Microsoft.Extensions.Options;
using OutreachBot.Broadcasts;
using OutreachBot.Webhook;

namespace OutreachBot.Cluster;

/// <summary>
/// Gives back what an instance the cluster found dead still held: its inbox events, its broadcast batches and its
/// snapshot leases, so that the live instances take them over now instead of when the leases run out.
/// </summary>
public sealed class DeadInstanceClaims(Database database, IOptions<InboxOptions> inbox, IOptions<BroadcastOptions> broadcasts)
{
    /// <summary>A snapshot owner is the instance id, then <c>/</c>, a process's token, <c>/</c> and a lease's token (32 hex digits each).</summary>
    private const int SnapshotOwnerSuffix = 1 + 32 + 1 + 32;

    /// <summary>
    /// Releases the claims of <paramref name="instanceId"/> made before it was found dead at <paramref name="deadSince"/>:
    /// a claim ending later than that moment plus its lease was made afterwards, by a new process under the same id.
    /// A released batch is sent again with its key marked uncertain, as LINE may have taken it.
    /// </summary>
    public async Task<int> ReleaseAsync(string instanceId, DateTimeOffset deadSince, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var arguments = new
        {
            Instance = instanceId,
            EventsUntil = deadSince + inbox.Value.ClaimLease,
            BatchesUntil = deadSince + broadcasts.Value.BatchLease,
            Uncertain = true,
            OwnerPrefix = instanceId + "/",
            PrefixLength = instanceId.Length + 1,
            OwnerLength = instanceId.Length + SnapshotOwnerSuffix,
        };
        var released = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE inbox_events SET claimed_until = NULL
            WHERE state = 'pending' AND claimed_by = @Instance AND claimed_until IS NOT NULL AND claimed_until <= @EventsUntil
            """,
            arguments,
            transaction,
            cancellationToken: cancellationToken));
        released += await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE broadcast_batches SET key_uncertain = @Uncertain, claimed_until = NULL
            WHERE state = 'pending' AND claimed_by = @Instance AND claimed_until IS NOT NULL AND claimed_until <= @BatchesUntil
            """,
            arguments,
            transaction,
            cancellationToken: cancellationToken));
        released += await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE broadcast_runs SET snapshot_claimed_until = NULL
            WHERE snapshotted_at IS NULL AND snapshot_claimed_until IS NOT NULL AND snapshot_claimed_until <= @BatchesUntil
              AND substr(snapshot_owner, 1, @PrefixLength) = @OwnerPrefix AND length(snapshot_owner) = @OwnerLength
            """,
            arguments,
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return released;
    }
}
