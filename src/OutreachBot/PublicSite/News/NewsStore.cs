using System.Data.Common;
using Dapper;

namespace OutreachBot.PublicSite.News;

/// <summary>
/// The broadcasts published on the web: those naming the web channel with a run that went out (sending or sent). Each is
/// dated by its first such run, and shows what that run sent.
/// </summary>
public sealed class NewsStore(Database database)
{
    // The first run that went out; the web shows what residents on LINE received then.
    private const string Published =
        """
        FROM broadcasts b
        JOIN broadcast_runs r ON r.broadcast_id = b.id AND r.status IN ('sending', 'sent')
        WHERE (',' || b.channels || ',') LIKE '%,web,%'
          AND NOT EXISTS (
              SELECT 1 FROM broadcast_runs p
              WHERE p.broadcast_id = b.id AND p.status IN ('sending', 'sent')
                AND (p.fired_at < r.fired_at OR (p.fired_at = r.fired_at AND p.id < r.id)))
        """;

    private const string InTopic =
        " AND EXISTS (SELECT 1 FROM broadcast_topics bt JOIN topics t ON t.id = bt.topic_id WHERE bt.broadcast_id = b.id AND t.slug = @Topic)";

    private const string Columns =
        "b.id, b.title, b.mail_subjects AS Headlines, r.messages AS MessagesJson, r.fired_at AS PublishedAt, b.event_id AS ScheduleEventId, b.reminder_event_id AS ReminderEventId";

    /// <summary>One page, newest first, and how many in all; only those of <paramref name="topic"/> when given.</summary>
    public async Task<(IReadOnlyList<NewsItem> Page, int Total)> PageAsync(string? topic, int offset, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var where = Published + (topic is null ? "" : InTopic);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) {where}", new { Topic = topic }, cancellationToken: cancellationToken));
        var page = await LoadAsync(
            connection,
            $"SELECT {Columns} {where} ORDER BY r.fired_at DESC, b.id DESC LIMIT @Limit OFFSET @Offset",
            new { Topic = topic, Limit = limit, Offset = offset },
            cancellationToken);
        return (page, (int)total);
    }

    /// <summary>The published broadcast <paramref name="id"/>; null when it is unknown, not published yet or not on the web.</summary>
    public async Task<NewsItem?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await LoadAsync(connection, $"SELECT {Columns} {Published} AND b.id = @Id", new { Id = id }, cancellationToken)).SingleOrDefault();
    }

    private static async Task<IReadOnlyList<NewsItem>> LoadAsync(DbConnection connection, string sql, object parameters, CancellationToken cancellationToken)
    {
        var rows = (await connection.QueryAsync<NewsItem>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).ToList();
        if (rows.Count == 0)
        {
            return rows;
        }

        var ids = string.Join(',', rows.Select(r => r.Id));
        var topics = (await connection.QueryAsync<(long BroadcastId, string Slug)>(new CommandDefinition(
            $"""
            SELECT bt.broadcast_id, t.slug FROM broadcast_topics bt JOIN topics t ON t.id = bt.topic_id
            WHERE bt.broadcast_id IN ({ids}) ORDER BY t.sort_order, t.slug
            """,
            cancellationToken: cancellationToken))).ToLookup(t => t.BroadcastId, t => t.Slug);
        var announced = (await connection.QueryAsync<(long BroadcastId, long EventId)>(new CommandDefinition(
            $"SELECT broadcast_id, event_id FROM civic_event_announcements WHERE broadcast_id IN ({ids})",
            cancellationToken: cancellationToken))).ToDictionary(a => a.BroadcastId, a => a.EventId);
        return [.. rows.Select(r => r with
        {
            TopicSlugs = [.. topics[r.Id]],
            EventId = announced.TryGetValue(r.Id, out var eventId) ? eventId : NewsItem.EventIdOf(r.ScheduleEventId ?? r.ReminderEventId),
        })];
    }
}
