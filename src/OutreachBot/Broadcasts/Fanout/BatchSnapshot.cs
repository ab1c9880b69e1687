using Dapper;
using Microsoft.Extensions.Options;
using OutreachBot.Broadcasts.Authoring;
using OutreachBot.Broadcasts.MailDelivery;
using OutreachBot.Broadcasts.Targeting;

namespace OutreachBot.Broadcasts.Fanout;

/// <summary>What the quota allows at fire time: null remaining means no limit (or it could not be read).</summary>
public sealed record QuotaAllowance(long? Remaining, string? Problem = null);

/// <summary>How a firing was taken: a new run, or the run an earlier firing of the same occurrence already made.</summary>
public sealed record RunStart(long RunId, bool Created, RunStatus Status, long Targeted);

/// <summary>A snapshot this process may write: its run, its lease's owner token, and the last user id committed.</summary>
public sealed record SnapshotLease(long RunId, string Owner, string? Cursor);

/// <summary>
/// The snapshot at fire time: one run per (broadcast, occurrence), and its recipients streamed in user id order into
/// batches of at most <c>BatchSize</c> per message language, committed every <c>SnapshotChunk</c> recipients so that
/// senders start on the first batches while later ones are still written (see <see cref="SnapshotWriter"/>). The run
/// is held while it is counted when the quota might not cover it, and is finished only once its snapshot is complete.
/// </summary>
public sealed partial class BatchSnapshot(
    Database database,
    Audience audience,
    FanoutSignal signal,
    IOptions<BroadcastOptions> options,
    SnapshotLeases leases,
    Meta.SocialPostStore social,
    Disaster.DrillMarking drills,
    TimeProvider time,
    ILogger<BatchSnapshot> logger)
{
    public async Task<RunStart> TakeAsync(
        Broadcast broadcast, DateTimeOffset occurrence, QuotaAllowance quota, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Counting the open subscriptions reads only the topic index; the exact count needs the whole snapshot, which is
        // taken before anything is sent only when this bound says the month's quota might not cover it.
        var toLine = broadcast.Channels.Contains(BroadcastChannel.Line);
        var mayExceed = toLine && quota.Remaining is { } remaining && await audience.UpperBoundAsync(broadcast.Target, cancellationToken) > remaining;
        var owner = leases.NewOwner();
        var messages = await drills.ForRunAsync(broadcast.Target, broadcast.MessagesJson, cancellationToken);
        long? runId;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            // The run and its e-mail recipients commit together: a run that exists has its whole mail list.
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            runId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                """
                INSERT INTO broadcast_runs (broadcast_id, occurrence, status, messages, key_nonce, reason, quota_remaining, fired_at, snapshot_owner, snapshot_claimed_until)
                VALUES (@BroadcastId, @Occurrence, @Status, @Messages, @Nonce, @Reason, @QuotaRemaining, @Now, @Owner, @Until)
                ON CONFLICT (broadcast_id, occurrence) DO NOTHING
                RETURNING id
                """,
                new
                {
                    BroadcastId = broadcast.Id,
                    Occurrence = occurrence,
                    Status = BroadcastNames.Of(mayExceed ? RunStatus.Held : RunStatus.Sending),
                    Messages = messages,
                    Nonce = Guid.NewGuid().ToString("D"),
                    Reason = mayExceed ? CountingReason(quota.Remaining!.Value) : quota.Problem,
                    QuotaRemaining = mayExceed ? quota.Remaining : null,
                    Now = now,
                    Owner = owner,
                    Until = leases.LeaseEnd(),
                },
                transaction,
                cancellationToken: cancellationToken));
            if (runId is null)
            {
                var existing = await connection.QuerySingleAsync<(long Id, string Status, long Targeted)>(new CommandDefinition(
                    "SELECT id, status, targeted FROM broadcast_runs WHERE broadcast_id = @BroadcastId AND occurrence = @Occurrence",
                    new { BroadcastId = broadcast.Id, Occurrence = occurrence },
                    transaction,
                    cancellationToken: cancellationToken));
                await transaction.CommitAsync(cancellationToken);
                return new RunStart(existing.Id, false, BroadcastNames.Run(existing.Status), existing.Targeted);
            }

            if (broadcast.Channels.Contains(BroadcastChannel.Mail))
            {
                await MailSnapshot.TakeAsync(connection, transaction, database.Dialect, runId.Value, broadcast.Target, now, cancellationToken);
            }

            await social.PlanAsync(connection, transaction, runId.Value, broadcast, now, cancellationToken);

            await transaction.CommitAsync(cancellationToken);
        }

        var end = await WriteAsync(new SnapshotLease(runId.Value, owner, null), broadcast.Target, messages, toLine, cancellationToken);
        return new RunStart(runId.Value, true, end.Status, end.Targeted);
    }

    /// <summary>
    /// Streams the recipients after the lease's cursor into the run's batches, a chunk per transaction, until the stream
    /// ends or the run stops being this lease's (cancelled, or taken over after the lease ran out). A broadcast without
    /// the LINE channel streams nobody: its snapshot completes empty at once, and the run waits for its mails.
    /// </summary>
    public async Task<(RunStatus Status, long Targeted)> WriteAsync(SnapshotLease lease, BroadcastTarget target, string messagesJson, bool toLine, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var variants = MessageCompiler.Variants(messagesJson).ToHashSet(StringComparer.Ordinal);
        await using var connection = await database.OpenAsync(cancellationToken);
        var writer = await SnapshotWriter.LoadAsync(connection, database.Dialect, lease, settings.BatchSize, cancellationToken);
        var kept = true;
        try
        {
            var cursor = lease.Cursor;
            var inChunk = 0;
            var recipients = toLine ? audience.StreamAsync(target, lease.Cursor, cancellationToken) : AsyncEnumerable.Empty<Recipient>();
            await foreach (var recipient in recipients)
            {
                writer.Add(variants.Contains(recipient.Language) ? recipient.Language : Languages.Japanese, recipient.UserId);
                cursor = recipient.UserId;
                if (++inChunk == settings.SnapshotChunk)
                {
                    kept = await writer.CommitAsync(cursor, done: false, Now(), leases.LeaseEnd(), cancellationToken);
                    if (!kept)
                    {
                        break;
                    }

                    inChunk = 0;
                    signal.Wake();
                    // SQLite reads and writes complete synchronously, so without this the loop never gives up its thread,
                    // and on a busy pool the senders just woken could wait for the whole snapshot.
                    await Task.Yield();
                }
            }

            if (kept)
            {
                kept = await writer.CommitAsync(cursor, done: true, Now(), leases.LeaseEnd(), cancellationToken);
                signal.Wake();
            }
        }
        catch (Exception ex)
        {
            // Whatever stopped it (shutdown, a database error), the next resumer need not wait for the lease to run out.
            await leases.ReleaseAsync(lease);
            if (ex is not OperationCanceledException)
            {
                LogStopped(ex, lease.RunId);
            }

            throw;
        }

        var run = await connection.QuerySingleAsync<(string Status, long Targeted)>(new CommandDefinition(
            "SELECT status, targeted FROM broadcast_runs WHERE id = @Id", new { Id = lease.RunId }, cancellationToken: cancellationToken));
        if (!kept)
        {
            await CancelLeftoversAsync(connection, lease.RunId, run.Status, cancellationToken);
        }

        return (BroadcastNames.Run(run.Status), run.Targeted);
    }

    /// <summary>Records a firing that came too late to send (after the misfire grace).</summary>
    public async Task RecordMissedAsync(long broadcastId, DateTimeOffset occurrence, string messages, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO broadcast_runs (broadcast_id, occurrence, status, messages, key_nonce, reason, fired_at, finished_at, snapshotted_at)
            VALUES (@BroadcastId, @Occurrence, 'missed', @Messages, @Nonce, @Reason, @Now, @Now, @Now)
            ON CONFLICT (broadcast_id, occurrence) DO NOTHING
            """,
            new { BroadcastId = broadcastId, Occurrence = occurrence, Messages = messages, Nonce = Guid.NewGuid().ToString("D"), Reason = reason, Now = now },
            cancellationToken: cancellationToken));
    }

    internal static string CountingReason(long remaining) =>
        $"今月の残り通数 {remaining} を超えるおそれがあるため、配信対象者を数え終えるまで保留しています。 / " +
        $"Held while the recipients are counted: they may exceed the {remaining} messages left this month.";

    // A cancelled run's snapshot stops at its next chunk: what that chunk's commit raced past the cancel is cancelled too.
    private async Task CancelLeftoversAsync(System.Data.Common.DbConnection connection, long runId, string status, CancellationToken cancellationToken)
    {
        if (status != BroadcastNames.Of(RunStatus.Cancelled))
        {
            return;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE broadcast_batches SET state = 'cancelled', finished_at = @Now WHERE run_id = @Id AND state = 'pending' AND (claimed_until IS NULL OR claimed_until < @Now)",
            new { Id = runId, Now = Now() },
            cancellationToken: cancellationToken));
    }

    private DateTimeOffset Now() => time.GetUtcNow();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The snapshot of run {RunId} stopped; it resumes after its last committed chunk")]
    private partial void LogStopped(Exception exception, long runId);
}
