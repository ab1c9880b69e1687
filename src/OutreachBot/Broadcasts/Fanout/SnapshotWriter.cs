using System.Data.Common;
using System.Text;
using Dapper;

namespace OutreachBot.Broadcasts.Fanout;

/// <summary>
/// Writes one run's snapshot a chunk per transaction. Full batches become pending (senders claim them at once); the
/// partial batch of each language is stored as filling, which senders leave alone, and grows across chunks, so that a
/// chunk adds no half-empty batch and everything up to the cursor is committed somewhere. A resumed writer reloads the
/// filling batches. Memory holds one chunk's full batches and one partial batch per language.
/// </summary>
internal sealed class SnapshotWriter
{
    private readonly DbConnection _connection;
    private readonly SqlDialect _dialect;
    private readonly SnapshotLease _lease;
    private readonly int _batchSize;
    private readonly Dictionary<string, Batch> _open;
    private readonly List<Batch> _full = [];
    private int _nextSeq;
    private long _added;

    private SnapshotWriter(DbConnection connection, SqlDialect dialect, SnapshotLease lease, int batchSize, Dictionary<string, Batch> open, int nextSeq)
    {
        _connection = connection;
        _dialect = dialect;
        _lease = lease;
        _batchSize = batchSize;
        _open = open;
        _nextSeq = nextSeq;
    }

    public static async Task<SnapshotWriter> LoadAsync(DbConnection connection, SqlDialect dialect, SnapshotLease lease, int batchSize, CancellationToken cancellationToken)
    {
        var filling = await connection.QueryAsync<(long Id, int Seq, string Language, int Count, string Recipients)>(new CommandDefinition(
            """
            SELECT b.id, b.seq, b.language, b.recipient_count, l.recipients
            FROM broadcast_batches b JOIN broadcast_batch_recipients l ON l.batch_id = b.id
            WHERE b.run_id = @RunId AND b.filling
            """,
            new { lease.RunId },
            cancellationToken: cancellationToken));
        var open = filling.ToDictionary(
            f => f.Language,
            f => new Batch(f.Seq, f.Language, new StringBuilder(f.Recipients, batchSize * 34)) { Id = f.Id, Count = f.Count },
            StringComparer.Ordinal);
        var nextSeq = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COALESCE(MAX(seq) + 1, 0) FROM broadcast_batches WHERE run_id = @RunId", new { lease.RunId }, cancellationToken: cancellationToken));
        return new SnapshotWriter(connection, dialect, lease, batchSize, open, nextSeq);
    }

    public void Add(string language, string userId)
    {
        if (!_open.TryGetValue(language, out var batch))
        {
            batch = new Batch(_nextSeq++, language, new StringBuilder(_batchSize * 34));
            _open[language] = batch;
        }

        if (batch.Count > 0)
        {
            batch.Ids.Append('\n');
        }

        batch.Ids.Append(userId);
        batch.Count++;
        batch.Changed = true;
        _added++;
        if (batch.Count == _batchSize)
        {
            _full.Add(batch);
            _open.Remove(language);
        }
    }

    /// <summary>
    /// Commits what was added since the last commit, with <paramref name="cursor"/> as the last user id taken; when
    /// <paramref name="done"/>, the partial batches become pending and the run's snapshot complete. False (and nothing
    /// written) when the run is no longer this lease's to write: cancelled, or taken over.
    /// </summary>
    public async Task<bool> CommitAsync(string? cursor, bool done, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        await using var transaction = await _connection.BeginTransactionAsync(cancellationToken);
        // The run's row first, as a cancel takes it first: on PostgreSQL that orders the two, and a cancel that came
        // first shows here.
        var ours = await _connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE broadcast_runs SET snapshot_claimed_until = @Until
            WHERE id = @RunId AND snapshot_owner = @Owner AND snapshotted_at IS NULL AND status IN ('sending', 'held')
            """,
            new { _lease.RunId, _lease.Owner, Until = leaseUntil },
            transaction,
            cancellationToken: cancellationToken));
        if (ours == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        foreach (var batch in _full)
        {
            await WriteAsync(transaction, batch, filling: false, now, cancellationToken);
        }

        foreach (var batch in _open.Values.Where(b => b.Changed || done))
        {
            await WriteAsync(transaction, batch, filling: !done, now, cancellationToken);
        }

        await _connection.ExecuteAsync(new CommandDefinition(
            "UPDATE broadcast_runs SET snapshot_cursor = @Cursor, targeted = targeted + @Added, snapshotted_at = @SnapshottedAt WHERE id = @RunId",
            new { _lease.RunId, Cursor = cursor, Added = _added, SnapshottedAt = done ? now : (DateTimeOffset?)null },
            transaction,
            cancellationToken: cancellationToken));
        if (done)
        {
            await ConcludeAsync(transaction, now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        _full.Clear();
        _added = 0;
        foreach (var batch in _open.Values)
        {
            batch.Changed = false;
        }

        return true;
    }

    // The exact count is known: a run held while it was counted is held for the quota or released; one that nobody
    // matched, or whose batches all went while the snapshot was still written, is finished here.
    private async Task ConcludeAsync(DbTransaction transaction, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var run = await _connection.QuerySingleAsync<(string Status, long Targeted, long? QuotaRemaining, long Mails)>(new CommandDefinition(
            """
            SELECT status, targeted, quota_remaining, (SELECT COUNT(*) FROM mail_deliveries d WHERE d.run_id = @RunId) AS mails
            FROM broadcast_runs WHERE id = @RunId
            """,
            new { _lease.RunId },
            transaction,
            cancellationToken: cancellationToken));
        (RunStatus Status, string? Reason)? change = run switch
        {
            { Targeted: 0, Mails: 0 } => (RunStatus.Sent, "配信対象者がいませんでした。 / Nobody matched the target."),
            // Nobody on LINE, but mails to send: nothing for the LINE quota to hold, and the mails finish the run.
            { Targeted: 0, Status: "held" } => (RunStatus.Sending, null),
            { Status: "held", QuotaRemaining: { } remaining } when run.Targeted > remaining =>
                (RunStatus.Held, $"今月の残り通数 {remaining} に対して {run.Targeted} 人に送ることになるため保留しました。管理者が強制送信できます。 / " +
                                 $"Held: {run.Targeted} recipients but only {remaining} messages left this month; an admin can force it."),
            // Counted and within the quota, or forced by an admin while counted: no longer held, nor held for counting.
            { QuotaRemaining: not null, Status: "held" or "sending" } => (RunStatus.Sending, null),
            _ => null,
        };
        if (change is { } c)
        {
            await _connection.ExecuteAsync(new CommandDefinition(
                "UPDATE broadcast_runs SET status = @Status, reason = @Reason, finished_at = @FinishedAt WHERE id = @RunId",
                new { _lease.RunId, Status = BroadcastNames.Of(c.Status), c.Reason, FinishedAt = c.Status == RunStatus.Sent ? now : (DateTimeOffset?)null },
                transaction,
                cancellationToken: cancellationToken));
        }

        await BatchLedger.FinishRunsAsync(_dialect, _connection, transaction, [_lease.RunId], now, cancellationToken);
    }

    private async Task WriteAsync(DbTransaction transaction, Batch batch, bool filling, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (batch.Id is { } id)
        {
            await _connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE broadcast_batches SET recipient_count = @Count, filling = @Filling, next_attempt_at = @Now WHERE id = @Id;
                UPDATE broadcast_batch_recipients SET recipients = @Recipients WHERE batch_id = @Id
                """,
                new { Id = id, batch.Count, Filling = filling, Now = now, Recipients = batch.Ids.ToString() },
                transaction,
                cancellationToken: cancellationToken));
            return;
        }

        batch.Id = await _connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO broadcast_batches (run_id, seq, language, recipient_count, state, next_attempt_at, filling)
            VALUES (@RunId, @Seq, @Language, @Count, 'pending', @Now, @Filling)
            RETURNING id
            """,
            new { _lease.RunId, batch.Seq, batch.Language, batch.Count, Now = now, Filling = filling },
            transaction,
            cancellationToken: cancellationToken));
        await _connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO broadcast_batch_recipients (batch_id, recipients) VALUES (@BatchId, @Recipients)",
            new { BatchId = batch.Id, Recipients = batch.Ids.ToString() },
            transaction,
            cancellationToken: cancellationToken));
    }

    private sealed class Batch(int seq, string language, StringBuilder ids)
    {
        public int Seq { get; } = seq;

        public string Language { get; } = language;

        public StringBuilder Ids { get; } = ids;

        public long? Id { get; set; }

        public int Count { get; set; }

        public bool Changed { get; set; }
    }
}
