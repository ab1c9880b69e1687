using Dapper;

namespace OutreachBot.Subscriptions;

/// <summary>
/// Who follows which topic. A subscription is a period (started, ended); ending one keeps its row, so that
/// staff can count subscribers on any past day.
/// </summary>
public sealed class SubscriptionStore(Database database)
{
    /// <summary>
    /// Starts following at <paramref name="now"/> (the webhook event's timestamp); false when the citizen already
    /// follows the topic, or when a newer change of it (or a newer 配信停止) is on record: a late or redelivered
    /// subscribe must not undo what the citizen did after it.
    /// </summary>
    public async Task<bool> SubscribeAsync(string userId, long topicId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO subscriptions (user_id, topic_id, started_at)
            SELECT @UserId, @TopicId, @Now
            WHERE NOT EXISTS (
                    SELECT 1 FROM subscriptions
                    WHERE user_id = @UserId AND topic_id = @TopicId AND (started_at > @Now OR ended_at > @Now))
              AND NOT EXISTS (SELECT 1 FROM citizens WHERE user_id = @UserId AND subscriptions_stopped_at > @Now)
            ON CONFLICT (user_id, topic_id) WHERE ended_at IS NULL DO NOTHING
            """,
            new { UserId = userId, TopicId = topicId, Now = now },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Stops following at <paramref name="now"/>; false when the citizen did not follow the topic, or subscribed after.</summary>
    public async Task<bool> UnsubscribeAsync(string userId, long topicId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE subscriptions SET ended_at = @Now
            WHERE user_id = @UserId AND topic_id = @TopicId AND ended_at IS NULL AND started_at <= @Now
            """,
            new { UserId = userId, TopicId = topicId, Now = now },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>
    /// 配信停止 at <paramref name="now"/>: ends every subscription started before it and remembers when, so that an
    /// older subscribe handled later does not start one again; returns how many ended.
    /// </summary>
    public async Task<int> UnsubscribeAllAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE citizens SET subscriptions_stopped_at = @Now
            WHERE user_id = @UserId AND (subscriptions_stopped_at IS NULL OR subscriptions_stopped_at < @Now)
            """,
            new { UserId = userId, Now = now },
            transaction,
            cancellationToken: cancellationToken));
        var ended = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE subscriptions SET ended_at = @Now WHERE user_id = @UserId AND ended_at IS NULL AND started_at <= @Now",
            new { UserId = userId, Now = now },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return ended;
    }

    public async Task<IReadOnlySet<long>> TopicIdsOfAsync(string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var ids = await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT topic_id FROM subscriptions WHERE user_id = @UserId AND ended_at IS NULL",
            new { UserId = userId },
            cancellationToken: cancellationToken));
        return ids.ToHashSet();
    }
}
