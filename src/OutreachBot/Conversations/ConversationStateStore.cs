using Dapper;
using OutreachBot.Storage;

namespace OutreachBot.Conversations;

/// <summary>What the bot waits for from a citizen for a short while, e.g. <see cref="Question"/> after "ask staff".</summary>
public sealed class ConversationStateStore(Database database)
{
    public const string Question = "question";

    public async Task SetAsync(string userId, string awaiting, long expiresAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO conversation_states (user_id, awaiting, expires_at) VALUES (@UserId, @Awaiting, @ExpiresAt)
            ON CONFLICT (user_id) DO UPDATE SET awaiting = excluded.awaiting, expires_at = excluded.expires_at
            """,
            new { UserId = userId, Awaiting = awaiting, ExpiresAt = expiresAt },
            cancellationToken: cancellationToken));
    }

    public async Task<bool> IsAwaitingAsync(string userId, string awaiting, long now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM conversation_states WHERE user_id = @UserId AND awaiting = @Awaiting AND expires_at > @Now",
            new { UserId = userId, Awaiting = awaiting, Now = now },
            cancellationToken: cancellationToken)) > 0;
    }

    public async Task ClearAsync(string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM conversation_states WHERE user_id = @UserId", new { UserId = userId }, cancellationToken: cancellationToken));
    }
}
