using Dapper;

namespace OutreachBot.MailSubscribers;

/// <summary>What admins filter the e-mail subscribers by; null means any.</summary>
public sealed record MailSubscriberFilter(string? Status, string? TopicSlug, int Page, int PageSize = 50);

/// <summary>A subscriber as staff see them: the row and the slugs of the topics they follow (or chose, while pending).</summary>
public sealed record ListedMailSubscriber(MailSubscriber Subscriber, IReadOnlyList<string> Topics);

public sealed record MailSubscriberPage(IReadOnlyList<ListedMailSubscriber> Subscribers, long Total);

/// <summary>The admins' list of e-mail subscribers, newest first, filtered by status and topic, a page at a time.</summary>
public sealed class MailSubscriberList(Database database)
{
    public async Task<MailSubscriberPage> ListAsync(MailSubscriberFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        const string Where =
            """
            WHERE (@Status IS NULL OR s.status = @Status)
              AND (@Topic IS NULL OR EXISTS (
                    SELECT 1 FROM topics t
                    LEFT JOIN mail_subscriptions p ON p.topic_id = t.id AND p.subscriber_id = s.id AND p.ended_at IS NULL
                    LEFT JOIN mail_pending_topics q ON q.topic_id = t.id AND q.subscriber_id = s.id
                    WHERE t.slug = @Topic AND (p.id IS NOT NULL OR q.topic_id IS NOT NULL)))
            """;
        var parameters = new { filter.Status, Topic = filter.TopicSlug, Limit = filter.PageSize, Offset = (long)Math.Max(0, filter.Page - 1) * filter.PageSize };
        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM mail_subscribers s {Where}", parameters, cancellationToken: cancellationToken));
        var rows = (await connection.QueryAsync<MailSubscriber>(new CommandDefinition(
            $"SELECT {MailSubscriberStore.Columns} FROM mail_subscribers s {Where} ORDER BY s.id DESC LIMIT @Limit OFFSET @Offset",
            parameters,
            cancellationToken: cancellationToken))).ToList();
        var topics = rows.Count == 0 ? [] : (await connection.QueryAsync<(long SubscriberId, string Slug)>(new CommandDefinition(
            $"""
             SELECT x.subscriber_id, t.slug FROM (
                 SELECT subscriber_id, topic_id FROM mail_subscriptions WHERE ended_at IS NULL AND subscriber_id {database.Dialect.In("@Ids")}
                 UNION SELECT subscriber_id, topic_id FROM mail_pending_topics WHERE subscriber_id {database.Dialect.In("@Ids")}) x
             JOIN topics t ON t.id = x.topic_id
             ORDER BY t.sort_order, t.slug
             """,
            new { Ids = rows.Select(r => r.Id).ToList() },
            cancellationToken: cancellationToken))).ToList();
        return new MailSubscriberPage(
            [.. rows.Select(r => new ListedMailSubscriber(r, [.. topics.Where(t => t.SubscriberId == r.Id).Select(t => t.Slug)]))],
            total);
    }
}
