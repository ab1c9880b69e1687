namespace OutreachBot.Analytics.Insight;

/// <summary>The broadcasts whose figures a day still needs, and the figures read (<c>broadcast_insights</c>).</summary>
public sealed class InsightStore(Database database)
{
    /// <summary>
    /// Broadcasts LINE accepted a multicast of within <paramref name="days"/> days up to <paramref name="day"/>, whose
    /// figures for that day were not yet read after it ended.
    /// </summary>
    public Task<IReadOnlyList<long>> DueAsync(LineDay day, int days, CancellationToken cancellationToken) =>
        database.QueryAsync<long>(
            """
            SELECT DISTINCT r.broadcast_id FROM broadcast_runs r
            WHERE r.fired_at >= @Since AND r.fired_at < @End
              AND EXISTS (SELECT 1 FROM broadcast_batches b WHERE b.run_id = r.id AND b.state = 'accepted')
              AND NOT EXISTS (SELECT 1 FROM broadcast_insights i WHERE i.broadcast_id = r.broadcast_id AND i.day = @Day AND i.read_at >= @End)
            ORDER BY r.broadcast_id
            """,
            new { Since = day.AddDays(1 - days).Start, day.End, Day = day.ToString() },
            cancellationToken);

    public Task<int> SaveAsync(long broadcastId, LineDay day, DayFigures figures, DateTimeOffset readAt, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            """
            INSERT INTO broadcast_insights (broadcast_id, day, impressions, unique_impressions, clicks, unique_clicks, media_played, read_at)
            VALUES (@BroadcastId, @Day, @Impressions, @UniqueImpressions, @Clicks, @UniqueClicks, @MediaPlayed, @ReadAt)
            ON CONFLICT (broadcast_id, day) DO UPDATE SET impressions = @Impressions, unique_impressions = @UniqueImpressions,
                clicks = @Clicks, unique_clicks = @UniqueClicks, media_played = @MediaPlayed, read_at = @ReadAt
            """,
            new
            {
                BroadcastId = broadcastId, Day = day.ToString(), figures.Impressions, figures.UniqueImpressions, figures.Clicks,
                figures.UniqueClicks, figures.MediaPlayed, ReadAt = readAt,
            },
            cancellationToken);

    /// <summary>The broadcast's figures per day, oldest first.</summary>
    public Task<IReadOnlyList<InsightDay>> ForAsync(long broadcastId, CancellationToken cancellationToken) =>
        database.QueryAsync<InsightDay>(
            """
            SELECT day, impressions, unique_impressions AS UniqueImpressions, clicks, unique_clicks AS UniqueClicks,
                   media_played AS MediaPlayed, read_at AS ReadAt
            FROM broadcast_insights WHERE broadcast_id = @BroadcastId ORDER BY day
            """,
            new { BroadcastId = broadcastId },
            cancellationToken);
}
