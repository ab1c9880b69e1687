using Dapper;
using OutreachBot.Storage;

namespace OutreachBot.Subscriptions;

/// <summary>
/// Who follows which topic. A subscription is a period (started, ended); ending one keeps its row, so that
/// staff can count subscribers on any past day.
/// </summary>
public sealed class SubscriptionStore(Database database)
{
    /// <summary>Starts following; false when the citizen already follows the topic.</summary>
    public async Task<bool> SubscribeAsync(string userId, long topicId, long now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO subscriptions (user_id, topic_id, started_at) VALUES (@UserId, @TopicId, @Now)
            ON CONFLICT (user_id, topic_id) WHERE ended_at IS NULL DO NOTHING
            """,
            new { UserId = userId, TopicId = topicId, Now = now },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Stops following; false when the citizen did not follow the topic.</summary>
    public async Task<bool> UnsubscribeAsync(string userId, long topicId, long now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE subscriptions SET ended_at = @Now WHERE user_id = @UserId AND topic_id = @TopicId AND ended_at IS NULL",
            new { UserId = userId, TopicId = topicId, Now = now },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>配信停止: ends every subscription of the citizen; returns how many ended.</summary>
    public async Task<int> UnsubscribeAllAsync(string userId, long now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE subscriptions SET ended_at = @Now WHERE user_id = @UserId AND ended_at IS NULL",
            new { UserId = userId, Now = now },
            cancellationToken: cancellationToken));
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
