namespace OutreachBot.Analytics.Follows;

/// <summary>
/// Who followed and who left (unfollowed or blocked) in the 48 hours after a broadcast first went out: the account's
/// follows and unfollows then, and per topic of the broadcast its subscribers at that moment and how many of them left.
/// </summary>
public sealed class BlockRates(Database database)
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(48);

    private const string LeftSince =
        "EXISTS (SELECT 1 FROM follow_periods f WHERE f.user_id = s.user_id AND f.ended_at >= @From AND f.ended_at < @To)";

    private const string SubscribedThen =
        """
        FROM broadcast_topics bt JOIN topics t ON t.id = bt.topic_id
        JOIN subscriptions s ON s.topic_id = bt.topic_id AND s.started_at <= @From AND (s.ended_at IS NULL OR s.ended_at > @From)
        WHERE bt.broadcast_id = @BroadcastId
        """;

    /// <summary>Null before the broadcast first went out on LINE.</summary>
    public async Task<BlockRate?> ForAsync(long broadcastId, CancellationToken cancellationToken)
    {
        var firstFired = await database.ExecuteScalarAsync<long?>(
            "SELECT MIN(fired_at) FROM broadcast_runs WHERE broadcast_id = @BroadcastId AND status IN ('sending', 'sent')",
            new { BroadcastId = broadcastId },
            cancellationToken);
        if (firstFired is not { } firedMs)
        {
            return null;
        }

        var from = DateTimeOffset.FromUnixTimeMilliseconds(firedMs);
        var window = new { BroadcastId = broadcastId, From = from, To = from + Window };
        var account = await database.QuerySingleOrDefaultAsync<(long Follows, long Unfollows)>(
            """
            SELECT (SELECT COUNT(*) FROM follow_periods WHERE started_at >= @From AND started_at < @To),
                   (SELECT COUNT(*) FROM follow_periods WHERE ended_at >= @From AND ended_at < @To)
            """,
            window,
            cancellationToken);
        var topics = await database.QueryAsync<TopicBlockRate>(
            $"SELECT t.slug AS Topic, COUNT(DISTINCT s.user_id) AS Subscribers, COUNT(DISTINCT CASE WHEN {LeftSince} THEN s.user_id END) AS Unfollowed {SubscribedThen} GROUP BY t.slug ORDER BY t.slug",
            window,
            cancellationToken);
        var reached = await database.QuerySingleOrDefaultAsync<(long Subscribers, long Unfollowed)>(
            $"SELECT COUNT(DISTINCT s.user_id), COUNT(DISTINCT CASE WHEN {LeftSince} THEN s.user_id END) {SubscribedThen}",
            window,
            cancellationToken);
        return new BlockRate(from, account.Follows, account.Unfollows, reached.Subscribers, reached.Unfollowed, topics);
    }
}

/// <param name="Subscribers">Subscribers of any of its topics when it went out.</param>
/// <param name="Unfollowed">Those of them who unfollowed or blocked within the 48 hours.</param>
public sealed record BlockRate(DateTimeOffset From, long Follows, long Unfollows, long Subscribers, long Unfollowed, IReadOnlyList<TopicBlockRate> Topics)
{
    /// <summary>Unfollowed ÷ subscribers; null with none.</summary>
    public double? Rate => Subscribers == 0 ? null : (double)Unfollowed / Subscribers;
}

public sealed record TopicBlockRate
{
    public required string Topic { get; init; }

    public long Subscribers { get; init; }

    public long Unfollowed { get; init; }

    public double? Rate => Subscribers == 0 ? null : (double)Unfollowed / Subscribers;
}
