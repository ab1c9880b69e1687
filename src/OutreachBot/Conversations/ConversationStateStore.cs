using Dapper;

namespace OutreachBot.Conversations;

/// <summary>What the bot waits for from a citizen for a short while, e.g. <see cref="Question"/> after "ask staff".</summary>
public sealed class ConversationStateStore(Database database)
{
    public const string Question = "question";

    public async Task SetAsync(string userId, string awaiting, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            """
            INSERT INTO conversation_states (user_id, awaiting, expires_at) VALUES (@UserId, @Awaiting, @ExpiresAt)
            ON CONFLICT (user_id) DO UPDATE SET awaiting = excluded.awaiting, expires_at = excluded.expires_at
            """,
            new { UserId = userId, Awaiting = awaiting, ExpiresAt = expiresAt }, cancellationToken);

    /// <summary>
    /// The citizen as a turn needs them, and what the bot awaits from them, in one read: every event of a conversation
    /// needs both, and each read of its own costs a statement and a fresh look at the database. Null for a stranger.
    /// </summary>
    public async Task<ConversationPartner?> FindPartnerAsync(string userId, CancellationToken cancellationToken) =>
        await database.QuerySingleOrDefaultAsync<ConversationPartner>(
            """
            SELECT c.language, c.following, s.awaiting, s.expires_at AS AwaitingUntil
            FROM citizens c LEFT JOIN conversation_states s ON s.user_id = c.user_id
            WHERE c.user_id = @UserId
            """,
            new { UserId = userId }, cancellationToken);

    public async Task ClearAsync(string userId, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            "DELETE FROM conversation_states WHERE user_id = @UserId", new { UserId = userId }, cancellationToken);
}

/// <summary>A citizen as the conversation sees them: language, following, and what the bot awaits from them.</summary>
public sealed record ConversationPartner
{
    public required string Language { get; init; }

    public bool Following { get; init; }

    /// <summary>What the bot last asked the citizen for (e.g. <see cref="ConversationStateStore.Question"/>), if anything.</summary>
    public string? Awaiting { get; init; }

    /// <summary>Until when that answer is awaited.</summary>
    public DateTimeOffset? AwaitingUntil { get; init; }

    /// <summary>What the bot still awaits at <paramref name="now"/>; null once that has expired.</summary>
    public string? AwaitingAt(DateTimeOffset now) => AwaitingUntil > now ? Awaiting : null;
}
