using System.Data.Common;
using Dapper;
using OutreachBot.Storage;

namespace OutreachBot.CivicEvents;

/// <summary>The events calendar. Instants are stored as UTC unix milliseconds.</summary>
public sealed class CivicEventStore(Database database)
{
    /// <summary>Creates the event and returns its id; null when <see cref="CivicEventDraft.TopicSlug"/> names no topic.</summary>
    public async Task<long?> CreateAsync(CivicEventDraft draft, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var topicId = await TopicIdAsync(connection, transaction, draft.TopicSlug, cancellationToken);
        if (draft.TopicSlug is not null && topicId is null)
        {
            return null;
        }

        var id = await connection.QuerySingleAsync<long>(new CommandDefinition(
            """
            INSERT INTO civic_events (topic_id, starts_at, ends_at, venue, url, image_url, cancelled, created_at, updated_at)
            VALUES (@TopicId, @StartsAt, @EndsAt, @Venue, @Url, @ImageUrl, @Cancelled, @Now, @Now)
            RETURNING id
            """,
            Parameters(draft, topicId, now),
            transaction,
            cancellationToken: cancellationToken));
        await WriteTitlesAsync(connection, transaction, id, draft, cancellationToken);
        await EventDetailsStorage.WriteAsync(connection, transaction, id, draft.Details, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>Replaces the event; false when there is no such event or no such topic.</summary>
    public Task<bool> UpdateAsync(long id, CivicEventDraft draft, DateTimeOffset now, CancellationToken cancellationToken) =>
        UpdateAsync(id, draft, now, consequences: null, cancellationToken);

    /// <param name="consequences">Written in the same transaction as the change, after it: what the change owes others.</param>
    public async Task<bool> UpdateAsync(
        long id, CivicEventDraft draft, DateTimeOffset now, Func<DbConnection, DbTransaction, Task>? consequences, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var topicId = await TopicIdAsync(connection, transaction, draft.TopicSlug, cancellationToken);
        if (draft.TopicSlug is not null && topicId is null)
        {
            return false;
        }

        var parameters = new DynamicParameters(Parameters(draft, topicId, now));
        parameters.Add("Id", id);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE civic_events SET topic_id = @TopicId, starts_at = @StartsAt, ends_at = @EndsAt, venue = @Venue, url = @Url,
                image_url = @ImageUrl, cancelled = @Cancelled, updated_at = @Now
            WHERE id = @Id
            """,
            parameters,
            transaction,
            cancellationToken: cancellationToken));
        if (updated == 0)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM civic_event_texts WHERE event_id = @Id", new { Id = id }, transaction, cancellationToken: cancellationToken));
        await WriteTitlesAsync(connection, transaction, id, draft, cancellationToken);
        await EventDetailsStorage.WriteAsync(connection, transaction, id, draft.Details, cancellationToken);
        if (consequences is not null)
        {
            await consequences(connection, transaction);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<CivicEvent?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await LoadAsync(connection, "e.id = @Id", new { Id = id }, cancellationToken)).SingleOrDefault();
    }

    /// <summary>Events not cancelled that have not ended at <paramref name="now"/>, soonest first: one page and how many in all.</summary>
    public async Task<(IReadOnlyList<CivicEvent> Page, int Total)> UpcomingAsync(DateTimeOffset now, int offset, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        const string Upcoming = "NOT e.cancelled AND COALESCE(e.ends_at, e.starts_at) >= @Now";
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM civic_events e WHERE {Upcoming}", new { Now = now }, cancellationToken: cancellationToken));
        var page = await LoadAsync(
            connection, $"{Upcoming} ORDER BY e.starts_at, e.id LIMIT @Limit OFFSET @Offset", new { Now = now, Limit = limit, Offset = offset }, cancellationToken);
        return (page, (int)total);
    }

    /// <summary>Every event starting in [<paramref name="from"/>, <paramref name="to"/>), cancelled ones too, by start.</summary>
    public async Task<IReadOnlyList<CivicEvent>> StartingBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await LoadAsync(
            connection, "e.starts_at >= @From AND e.starts_at < @To ORDER BY e.starts_at, e.id", new { From = from, To = to }, cancellationToken);
    }

    private static object Parameters(CivicEventDraft draft, long? topicId, DateTimeOffset now) => new
    {
        TopicId = topicId,
        draft.StartsAt,
        draft.EndsAt,
        draft.Venue,
        draft.Url,
        draft.ImageUrl,
        draft.Cancelled,
        Now = now,
    };

    private static Task<long?> TopicIdAsync(DbConnection connection, DbTransaction transaction, string? slug, CancellationToken cancellationToken) =>
        slug is null
            ? Task.FromResult<long?>(null)
            : connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
                "SELECT id FROM topics WHERE slug = @Slug", new { Slug = slug }, transaction, cancellationToken: cancellationToken));

    private static Task<int> WriteTitlesAsync(DbConnection connection, DbTransaction transaction, long id, CivicEventDraft draft, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO civic_event_texts (event_id, language, title) VALUES (@Id, @Language, @Title)",
            draft.Titles.Select(t => new { Id = id, Language = t.Key, Title = t.Value }),
            transaction,
            cancellationToken: cancellationToken));

    /// <param name="whereAndOrder">A condition on <c>e</c>, optionally followed by ORDER BY / LIMIT.</param>
    private static async Task<IReadOnlyList<CivicEvent>> LoadAsync(DbConnection connection, string whereAndOrder, object parameters, CancellationToken cancellationToken)
    {
        var rows = (await connection.QueryAsync<CivicEvent>(new CommandDefinition(
            $"""
            SELECT e.id, e.topic_id AS TopicId, t.slug AS TopicSlug, e.starts_at AS StartsAt, e.ends_at AS EndsAt, e.venue, e.url,
                   e.image_url AS ImageUrl, e.cancelled, e.survey_id AS SurveyId,
                   (SELECT COUNT(*) FROM event_reminders r WHERE r.event_id = e.id AND r.cancelled_at IS NULL) AS ReminderCount
            FROM civic_events e LEFT JOIN topics t ON t.id = e.topic_id
            WHERE {whereAndOrder}
            """,
            parameters,
            cancellationToken: cancellationToken))).ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        var titles = (await connection.QueryAsync<(long EventId, string Language, string Title)>(new CommandDefinition(
            $"SELECT event_id, language, title FROM civic_event_texts WHERE event_id IN ({string.Join(',', rows.Select(r => r.Id))})",
            cancellationToken: cancellationToken))).ToLookup(t => t.EventId);
        var details = await EventDetailsStorage.LoadAsync(connection, [.. rows.Select(r => r.Id)], cancellationToken);
        return [.. rows.Select(r => r with
        {
            Titles = titles[r.Id].ToDictionary(t => t.Language, t => t.Title),
            Details = details[r.Id].Details,
            SeatsTaken = details[r.Id].SeatsTaken,
        })];
    }
}
