using System.Data.Common;
using System.Text;
using Dapper;
using Microsoft.Extensions.Options;
using OutreachBot.Storage;

namespace OutreachBot.Broadcasts;

/// <summary>What the quota allows at fire time: null remaining means no limit (or it could not be read).</summary>
public sealed record QuotaAllowance(long? Remaining, string? Problem = null);

/// <summary>How a firing was taken: a new run, or the run an earlier firing of the same occurrence already made.</summary>
public sealed record RunStart(long RunId, bool Created, RunStatus Status, long Targeted);

/// <summary>
/// The snapshot at fire time: one run per (broadcast, occurrence), and its recipients streamed into batches of at most
/// <c>BatchSize</c> per message language, all in one transaction, so that a crash leaves either no run or a whole one.
/// </summary>
public sealed class BatchSnapshot(Database database, Audience audience, IOptions<BroadcastOptions> options)
{
    public async Task<RunStart> TakeAsync(
        Broadcast broadcast, long occurrence, QuotaAllowance quota, long now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var runId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            INSERT INTO broadcast_runs (broadcast_id, occurrence, status, messages, key_nonce, fired_at)
            VALUES (@BroadcastId, @Occurrence, 'sending', @Messages, @Nonce, @Now)
            ON CONFLICT (broadcast_id, occurrence) DO NOTHING
            RETURNING id
            """,
            new { BroadcastId = broadcast.Id, Occurrence = occurrence, Messages = broadcast.MessagesJson, Nonce = Guid.NewGuid().ToString("D"), Now = now },
            transaction,
            cancellationToken: cancellationToken));
        if (runId is null)
        {
            var existing = await connection.QuerySingleAsync<(long Id, string Status, long Targeted)>(new CommandDefinition(
                "SELECT id, status, targeted FROM broadcast_runs WHERE broadcast_id = @BroadcastId AND occurrence = @Occurrence",
                new { BroadcastId = broadcast.Id, Occurrence = occurrence },
                transaction,
                cancellationToken: cancellationToken));
            return new RunStart(existing.Id, false, BroadcastNames.Run(existing.Status), existing.Targeted);
        }

        var variants = MessageCompiler.Variants(broadcast.MessagesJson).ToHashSet(StringComparer.Ordinal);
        var writer = new BatchWriter(connection, transaction, runId.Value, options.Value.BatchSize, now);
        await foreach (var recipient in audience.StreamAsync(broadcast.Target, cancellationToken))
        {
            var variant = variants.Contains(recipient.Language) ? recipient.Language : Languages.Japanese;
            await writer.AddAsync(variant, recipient.UserId, cancellationToken);
        }

        await writer.FlushAllAsync(cancellationToken);
        var (status, reason) = quota.Remaining is { } remaining && writer.Total > remaining
            ? (RunStatus.Held, $"今月の残り通数 {remaining} に対して {writer.Total} 人に送ることになるため保留しました。管理者が強制送信できます。 / " +
                               $"Held: {writer.Total} recipients but only {remaining} messages left this month; an admin can force it.")
            : writer.Total == 0 ? (RunStatus.Sent, "配信対象者がいませんでした。 / Nobody matched the target.") : (RunStatus.Sending, quota.Problem);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE broadcast_runs SET targeted = @Targeted, status = @Status, reason = @Reason, finished_at = @FinishedAt WHERE id = @Id",
            new { Id = runId, Targeted = writer.Total, Status = BroadcastNames.Of(status), Reason = reason, FinishedAt = status == RunStatus.Sent ? now : (long?)null },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return new RunStart(runId.Value, true, status, writer.Total);
    }

    /// <summary>Records a firing that came too late to send (after the misfire grace).</summary>
    public async Task RecordMissedAsync(long broadcastId, long occurrence, string messages, string reason, long now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO broadcast_runs (broadcast_id, occurrence, status, messages, key_nonce, reason, fired_at, finished_at)
            VALUES (@BroadcastId, @Occurrence, 'missed', @Messages, @Nonce, @Reason, @Now, @Now)
            ON CONFLICT (broadcast_id, occurrence) DO NOTHING
            """,
            new { BroadcastId = broadcastId, Occurrence = occurrence, Messages = messages, Nonce = Guid.NewGuid().ToString("D"), Reason = reason, Now = now },
            cancellationToken: cancellationToken));
    }

    /// <summary>Writes full batches as they fill, so that memory holds at most one batch per language.</summary>
    private sealed class BatchWriter(DbConnection connection, DbTransaction transaction, long runId, int batchSize, long now)
    {
        private readonly Dictionary<string, (StringBuilder Ids, int Count)> _open = new(StringComparer.Ordinal);
        private int _seq;

        public long Total { get; private set; }

        public async Task AddAsync(string language, string userId, CancellationToken cancellationToken)
        {
            var (ids, count) = _open.TryGetValue(language, out var open) ? open : (new StringBuilder(batchSize * 34), 0);
            if (count > 0)
            {
                ids.Append('\n');
            }

            ids.Append(userId);
            _open[language] = (ids, count + 1);
            Total++;
            if (count + 1 == batchSize)
            {
                await WriteAsync(language, cancellationToken);
            }
        }

        public async Task FlushAllAsync(CancellationToken cancellationToken)
        {
            foreach (var language in _open.Keys.ToList())
            {
                await WriteAsync(language, cancellationToken);
            }
        }

        private async Task WriteAsync(string language, CancellationToken cancellationToken)
        {
            var (ids, count) = _open[language];
            _open.Remove(language);
            if (count == 0)
            {
                return;
            }

            var batchId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                """
                INSERT INTO broadcast_batches (run_id, seq, language, recipient_count, state, next_attempt_at)
                VALUES (@RunId, @Seq, @Language, @Count, 'pending', @Now)
                RETURNING id
                """,
                new { RunId = runId, Seq = _seq++, Language = language, Count = count, Now = now },
                transaction,
                cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO broadcast_batch_recipients (batch_id, recipients) VALUES (@BatchId, @Recipients)",
                new { BatchId = batchId, Recipients = ids.ToString() },
                transaction,
                cancellationToken: cancellationToken));
        }
    }
}
