using System.Data.Common;
using Dapper;
using OutreachBot.Mail;

namespace OutreachBot.MailSubscribers;

/// <summary>
/// E-mail subscribers and their topics. Topics chosen on the form wait in <c>mail_pending_topics</c> until the address
/// is confirmed; only then do periods open in <c>mail_subscriptions</c>, which keep their history like LINE's.
/// </summary>
public sealed partial class MailSubscriberStore(Database database)
{
    internal const string Columns =
        """
        id, address, language, status, source, token_version AS TokenVersion, confirmation_sent_at AS ConfirmationSentAt,
        opted_in_at AS OptedInAt, consecutive_failures AS ConsecutiveFailures, last_failure AS LastFailure,
        last_failure_at AS LastFailureAt, created_at AS CreatedAt
        """;

    public async Task<MailSubscriber?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<MailSubscriber>(new CommandDefinition(
            $"SELECT {Columns} FROM mail_subscribers WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken));
    }

    public async Task<MailSubscriber?> FindByAddressAsync(string address, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<MailSubscriber>(new CommandDefinition(
            $"SELECT {Columns} FROM mail_subscribers WHERE address_key = @Key",
            new { Key = MailSuppression.AddressKey(address) },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// What the form asks: a new address becomes pending with its topics; a pending (or suppressed) one takes the new
    /// language and topics and waits for confirmation again; a confirmed one is left as it is.
    /// </summary>
    public async Task<MailSubscriber> RequestAsync(
        string address, string language, IReadOnlyCollection<long> topicIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var key = MailSuppression.AddressKey(address);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO mail_subscribers (address, address_key, language, status, source, created_at, updated_at)
            VALUES (@Address, @Key, @Language, 'pending', 'form', @Now, @Now)
            ON CONFLICT (address_key) DO NOTHING
            """,
            new { Address = address.Trim(), Key = key, Language = language, Now = now },
            transaction,
            cancellationToken: cancellationToken));
        var subscriber = await connection.QuerySingleAsync<MailSubscriber>(new CommandDefinition(
            $"SELECT {Columns} FROM mail_subscribers WHERE address_key = @Key", new { Key = key }, transaction, cancellationToken: cancellationToken));
        if (subscriber.Status != MailSubscriberStatus.Confirmed)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE mail_subscribers SET language = @Language, status = 'pending', updated_at = @Now WHERE id = @Id",
                new { subscriber.Id, Language = language, Now = now },
                transaction,
                cancellationToken: cancellationToken));
            await CloseAllPeriodsAsync(connection, transaction, subscriber.Id, now, cancellationToken);
            await ReplacePendingTopicsAsync(connection, transaction, subscriber.Id, topicIds, cancellationToken);
            subscriber = subscriber with { Language = language, Status = MailSubscriberStatus.Pending };
        }

        await transaction.CommitAsync(cancellationToken);
        return subscriber;
    }

    /// <summary>Takes the right to send the address a mail from the form: false when one went less than <paramref name="interval"/> ago.</summary>
    public async Task<bool> ClaimFormMailAsync(long id, DateTimeOffset now, TimeSpan interval, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE mail_subscribers SET confirmation_sent_at = @Now
            WHERE id = @Id AND (confirmation_sent_at IS NULL OR confirmation_sent_at <= @Before)
            """,
            new { Id = id, Now = now, Before = now - interval },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Opens the chosen topics' periods for a pending subscriber with this token version; false when there is none.</summary>
    public async Task<bool> ConfirmAsync(long id, int tokenVersion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var confirmed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE mail_subscribers
            SET status = 'confirmed', opted_in_at = @Now, consecutive_failures = 0, last_failure = NULL, last_failure_at = NULL, updated_at = @Now
            WHERE id = @Id AND token_version = @Version AND status = 'pending'
            """,
            new { Id = id, Version = tokenVersion, Now = now },
            transaction,
            cancellationToken: cancellationToken)) == 1;
        if (confirmed)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO mail_subscriptions (subscriber_id, topic_id, started_at)
                SELECT subscriber_id, topic_id, @Now FROM mail_pending_topics WHERE subscriber_id = @Id
                """,
                new { Id = id, Now = now },
                transaction,
                cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM mail_pending_topics WHERE subscriber_id = @Id", new { Id = id }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return confirmed;
    }

    /// <summary>The topics a subscriber follows now (confirmed) or chose (pending).</summary>
    public async Task<IReadOnlySet<long>> TopicIdsOfAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var ids = await connection.QueryAsync<long>(new CommandDefinition(
            """
            SELECT topic_id FROM mail_subscriptions WHERE subscriber_id = @Id AND ended_at IS NULL
            UNION SELECT topic_id FROM mail_pending_topics WHERE subscriber_id = @Id
            """,
            new { Id = id },
            cancellationToken: cancellationToken));
        return ids.ToHashSet();
    }

    private static async Task ReplacePendingTopicsAsync(
        DbConnection connection, DbTransaction transaction, long id, IReadOnlyCollection<long> topicIds, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM mail_pending_topics WHERE subscriber_id = @Id", new { Id = id }, transaction, cancellationToken: cancellationToken));
        foreach (var topicId in topicIds.Distinct())
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO mail_pending_topics (subscriber_id, topic_id) VALUES (@Id, @TopicId)",
                new { Id = id, TopicId = topicId }, transaction, cancellationToken: cancellationToken));
        }
    }
}
