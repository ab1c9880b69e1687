using System.Data.Common;
using Dapper;

namespace OutreachBot.MailSubscribers;

/// <summary>What subscribers change after confirming: their topics and language, and leaving.</summary>
public sealed partial class MailSubscriberStore
{
    /// <summary>
    /// A confirmed subscriber's new language and topics: periods of topics no longer chosen close, new ones open, the
    /// rest run on. False when the subscriber is not confirmed with this token version.
    /// </summary>
    public async Task<bool> ChangeAsync(
        long id, int tokenVersion, string language, IReadOnlyCollection<long> topicIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE mail_subscribers SET language = @Language, updated_at = @Now
            WHERE id = @Id AND token_version = @Version AND status IN ('confirmed', 'suppressed')
            """,
            new { Id = id, Version = tokenVersion, Language = language, Now = now },
            transaction,
            cancellationToken: cancellationToken)) == 1;
        if (changed)
        {
            var open = (await connection.QueryAsync<long>(new CommandDefinition(
                "SELECT topic_id FROM mail_subscriptions WHERE subscriber_id = @Id AND ended_at IS NULL",
                new { Id = id }, transaction, cancellationToken: cancellationToken))).ToHashSet();
            foreach (var ended in open.Except(topicIds))
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE mail_subscriptions SET ended_at = @Now WHERE subscriber_id = @Id AND topic_id = @TopicId AND ended_at IS NULL",
                    new { Id = id, TopicId = ended, Now = now }, transaction, cancellationToken: cancellationToken));
            }

            foreach (var started in topicIds.Except(open))
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO mail_subscriptions (subscriber_id, topic_id, started_at) VALUES (@Id, @TopicId, @Now)",
                    new { Id = id, TopicId = started, Now = now }, transaction, cancellationToken: cancellationToken));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    /// <summary>
    /// Leaving (or being removed): the address is erased, every period closes, old links stop working, and the row stays
    /// for the counts of past days. <paramref name="tokenVersion"/> null skips the link check (staff removing someone).
    /// False when nobody matched.
    /// </summary>
    public async Task<bool> EraseAsync(long id, int? tokenVersion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var erased = await EraseAsync(connection, transaction, id, tokenVersion, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return erased;
    }

    internal static async Task<bool> EraseAsync(
        DbConnection connection, DbTransaction transaction, long id, int? tokenVersion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var erased = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE mail_subscribers
            SET address = NULL, address_key = NULL, status = 'unsubscribed', token_version = token_version + 1, updated_at = @Now
            WHERE id = @Id AND (@Version IS NULL OR token_version = @Version) AND status <> 'unsubscribed'
            """,
            new { Id = id, Version = tokenVersion, Now = now },
            transaction,
            cancellationToken: cancellationToken)) == 1;
        if (erased)
        {
            await CloseAllPeriodsAsync(connection, transaction, id, now, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM mail_pending_topics WHERE subscriber_id = @Id", new { Id = id }, transaction, cancellationToken: cancellationToken));
        }

        return erased;
    }

    private static Task<int> CloseAllPeriodsAsync(DbConnection connection, DbTransaction transaction, long id, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE mail_subscriptions SET ended_at = @Now WHERE subscriber_id = @Id AND ended_at IS NULL",
            new { Id = id, Now = now },
            transaction,
            cancellationToken: cancellationToken));
}
