using System.Collections.Concurrent;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Options;
using OutreachBot.Broadcasts.Fanout;
using OutreachBot.Cluster;
using OutreachBot.Storage;

namespace OutreachBot.Broadcasts.MailDelivery;

/// <summary>A delivery handed to a connection: who gets it, and the run it belongs to.</summary>
/// <param name="ClaimedUntil">The claim's lease end, also its token: what this claim records unsent touches only a row still so claimed.</param>
public sealed record ClaimedMail(long Id, long RunId, long BroadcastId, MailRecipient Recipient, int Attempts, DateTimeOffset FiredAt, bool HadFailures, DateTimeOffset ClaimedUntil);

public enum MailResult
{
    Sent,
    Failed,
    Retry,
    Cancelled,

    /// <summary>Handed back unsent (shutting down): claimable again at once, the attempt not counted.</summary>
    Released,
}

/// <summary>What became of one delivery; <see cref="Address"/> only for a failure, which counts towards suppression.</summary>
public sealed record MailDeliveryOutcome(ClaimedMail Mail, MailResult Result, string? Reply = null, DateTimeOffset NextAttemptAt = default, string? Address = null);

/// <summary>
/// The e-mail ledger: due deliveries are claimed with a lease (rows skipped by other instances on PostgreSQL) and each
/// outcome is recorded before its row can be claimed again; a row whose lease runs out without an outcome is sent again
/// (its process died), so the only mail that can go twice is one a server accepted in the instant before the crash.
/// </summary>
public sealed class MailLedger(
    Database database, Analytics.Clicks.ClickLinks links, IOptions<BroadcastOptions> options, IOptions<ClusterOptions> cluster, TimeProvider time)
{
    private readonly ConcurrentDictionary<long, BroadcastMailContent> _contents = new();

    /// <summary>
    /// Claims up to <paramref name="limit"/> due deliveries of runs that are sending (only urgent ones when
    /// <paramref name="urgentOnly"/>: quiet hours). A subscriber who left since the snapshot is skipped here, just before
    /// their mail would be sent, and never handed out.
    /// </summary>
    public async Task<IReadOnlyList<ClaimedMail>> ClaimAsync(int limit, bool urgentOnly, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Read once the transaction has begun: on SQLite that waits for the write lock (see BatchLedger.ClaimAsync).
        var now = time.GetUtcNow();
        var rows = (await connection.QueryAsync<Candidate>(new CommandDefinition(
            $"""
            SELECT d.id, d.run_id AS RunId, r.broadcast_id AS BroadcastId, d.subscriber_id AS SubscriberId, d.attempts, r.fired_at AS FiredAt,
                   m.address, m.language, m.token_version AS TokenVersion, m.status, m.consecutive_failures AS ConsecutiveFailures
            FROM mail_deliveries d
            JOIN broadcast_runs r ON r.id = d.run_id
            JOIN broadcasts b ON b.id = r.broadcast_id
            JOIN mail_subscribers m ON m.id = d.subscriber_id
            WHERE d.state = 'pending' AND d.next_attempt_at <= @Now AND (d.claimed_until IS NULL OR d.claimed_until < @Now)
              AND r.status = 'sending' AND (b.urgent OR NOT @UrgentOnly)
            ORDER BY d.next_attempt_at, d.id
            LIMIT @Limit
            {database.Dialect.SkipLockedOf("d")}
            """,
            new { Now = now, Limit = limit, UrgentOnly = urgentOnly },
            transaction,
            cancellationToken: cancellationToken))).ToList();
        if (rows.Count == 0)
        {
            // Nothing is due: the runs' contents are read again when they are, so a long-lived process keeps none.
            _contents.Clear();
            return [];
        }

        var until = now + options.Value.BatchLease;
        var left = rows.Where(r => r.Status != "confirmed" || r.Address is null).ToList();
        var claimed = rows.Except(left)
            .Select(r => new ClaimedMail(
                r.Id, r.RunId, r.BroadcastId, new MailRecipient(r.SubscriberId, r.Address!, r.Language, r.TokenVersion), r.Attempts + 1, r.FiredAt, r.ConsecutiveFailures > 0, until))
            .ToList();
        if (left.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE mail_deliveries SET state = 'skipped', finished_at = @Now, claimed_until = NULL WHERE id {database.Dialect.In("@Ids")}",
                new { Ids = left.Select(r => r.Id).ToList(), Now = now },
                transaction,
                cancellationToken: cancellationToken));
            await BatchLedger.FinishRunsAsync(database.Dialect, connection, transaction, [.. left.Select(r => r.RunId).Distinct()], now, cancellationToken);
        }

        if (claimed.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE mail_deliveries SET claimed_until = @Until, claimed_by = @Instance, attempts = attempts + 1 WHERE id {database.Dialect.In("@Ids")}",
                new { Ids = claimed.Select(c => c.Id).ToList(), Until = until, Instance = cluster.Value.InstanceId },
                transaction,
                cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }

    /// <summary>Records outcomes of several connections in one commit, then closes the runs with nothing left to send on any channel.</summary>
    public async Task RecordAsync(IReadOnlyList<MailDeliveryOutcome> outcomes, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        var sent = outcomes.Where(o => o.Result == MailResult.Sent).Select(o => o.Mail.Id).ToList();
        if (sent.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE mail_deliveries SET state = 'sent', finished_at = @Now, claimed_until = NULL WHERE state = 'pending' AND id {database.Dialect.In("@Ids")}",
                new { Ids = sent, Now = now },
                transaction,
                cancellationToken: cancellationToken));
        }

        foreach (var outcome in outcomes.Where(o => o.Result != MailResult.Sent))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                // What was not sent changes the row only while this claim holds it: a claim that ran out may have
                // been taken by another sender since, whose outcome is the one that counts.
                outcome.Result switch
                {
                    MailResult.Failed => "UPDATE mail_deliveries SET state = 'failed', reply = @Reply, finished_at = @Now, claimed_until = NULL WHERE id = @Id AND state = 'pending'",
                    MailResult.Cancelled => "UPDATE mail_deliveries SET state = 'cancelled', finished_at = @Now, claimed_until = NULL WHERE id = @Id AND state = 'pending' AND claimed_until = @Claim",
                    MailResult.Released => "UPDATE mail_deliveries SET claimed_until = NULL, attempts = attempts - 1 WHERE id = @Id AND state = 'pending' AND claimed_until = @Claim",
                    _ => "UPDATE mail_deliveries SET next_attempt_at = @Next, reply = @Reply, claimed_until = NULL WHERE id = @Id AND state = 'pending' AND claimed_until = @Claim",
                },
                new { outcome.Mail.Id, outcome.Reply, Next = outcome.NextAttemptAt, Now = now, Claim = outcome.Mail.ClaimedUntil },
                transaction,
                cancellationToken: cancellationToken));
        }

        await BatchLedger.FinishRunsAsync(database.Dialect, connection, transaction, [.. outcomes.Select(o => o.Mail.RunId).Distinct()], now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// On SQLite only one instance runs, so a claim found at start-up belongs to a process that died: released at once
    /// rather than waited out. Those mails go again; the one a connection had in flight may arrive twice.
    /// </summary>
    public async Task<int> ReleaseOrphanedClaimsAsync(CancellationToken cancellationToken)
    {
        if (database.Dialect.Provider != StorageProvider.Sqlite)
        {
            return 0;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE mail_deliveries SET claimed_until = NULL WHERE state = 'pending' AND claimed_until IS NOT NULL", cancellationToken: cancellationToken));
    }

    /// <summary>The run's mail content, read once per run: the messages as fired, the broadcast's title and subjects.</summary>
    public async Task<BroadcastMailContent> ContentAsync(ClaimedMail mail, CancellationToken cancellationToken)
    {
        if (_contents.TryGetValue(mail.RunId, out var content))
        {
            return content;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<(string Title, string Messages, string? Subjects)>(new CommandDefinition(
            "SELECT b.title, r.messages, b.mail_subjects FROM broadcast_runs r JOIN broadcasts b ON b.id = r.broadcast_id WHERE r.id = @Id",
            new { Id = mail.RunId },
            cancellationToken: cancellationToken));
        content = new BroadcastMailContent(
            mail.BroadcastId,
            mail.RunId,
            row.Title,
            await links.RewriteAsync(mail.BroadcastId, "mail", row.Messages, cancellationToken),
            row.Subjects is null ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(row.Subjects)!);
        return _contents.GetOrAdd(mail.RunId, content);
    }

    private sealed record Candidate
    {
        public long Id { get; init; }

        public long RunId { get; init; }

        public long BroadcastId { get; init; }

        public long SubscriberId { get; init; }

        public int Attempts { get; init; }

        public DateTimeOffset FiredAt { get; init; }

        public string? Address { get; init; }

        public required string Language { get; init; }

        public int TokenVersion { get; init; }

        public required string Status { get; init; }

        public int ConsecutiveFailures { get; init; }
    }
}
