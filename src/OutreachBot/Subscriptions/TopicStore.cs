using System.Data.Common;
using Dapper;

namespace OutreachBot.Subscriptions;

public sealed class TopicStore(Database database)
{
    /// <summary>Topics in their display order, each with its texts and its current subscriber count.</summary>
    public Task<IReadOnlyList<Topic>> ListAsync(bool includeArchived, CancellationToken cancellationToken) =>
        LoadAsync(includeArchived ? "1 = 1" : "NOT t.archived", null, cancellationToken);

    public async Task<Topic?> FindAsync(string slug, CancellationToken cancellationToken) =>
        (await LoadAsync("t.slug = @Slug", new { Slug = slug }, cancellationToken)).SingleOrDefault();

    public async Task<Topic?> FindAsync(long id, CancellationToken cancellationToken) =>
        (await LoadAsync("t.id = @Id", new { Id = id }, cancellationToken)).SingleOrDefault();

    /// <summary>Creates the topic; false when the slug is taken.</summary>
    public Task<bool> CreateAsync(TopicDraft draft, DateTimeOffset now, CancellationToken cancellationToken) =>
        SaveAsync(
            """
            INSERT INTO topics (slug, parent_id, sort_order, archived, created_at, updated_at)
            VALUES (@Slug, (SELECT id FROM topics WHERE slug = @ParentSlug), @Order, @Archived, @Now, @Now)
            ON CONFLICT (slug) DO NOTHING
            RETURNING id
            """,
            draft,
            now,
            cancellationToken);

    /// <summary>Replaces the topic's texts, order, parent and archived flag; false when there is no such topic.</summary>
    public Task<bool> UpdateAsync(TopicDraft draft, DateTimeOffset now, CancellationToken cancellationToken) =>
        SaveAsync(
            """
            UPDATE topics
            SET parent_id = (SELECT p.id FROM topics p WHERE p.slug = @ParentSlug), sort_order = @Order, archived = @Archived, updated_at = @Now
            WHERE slug = @Slug
            RETURNING id
            """,
            draft,
            now,
            cancellationToken);

    /// <summary>Puts the topics in the order given (10, 20, 30...), in one transaction; pass every topic, archived ones too.</summary>
    public async Task SetOrderAsync(IReadOnlyList<string> slugs, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE topics SET sort_order = @Order, updated_at = @Now WHERE slug = @Slug",
            slugs.Select((slug, i) => new { Slug = slug, Order = (i + 1) * 10, Now = now }),
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Runs <paramref name="sql"/>, which returns the topic's id (none: nothing to save), and writes its texts anew, in one transaction.</summary>
    private async Task<bool> SaveAsync(string sql, TopicDraft draft, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var id = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            sql, new { draft.Slug, draft.ParentSlug, draft.Order, draft.Archived, Now = now }, transaction, cancellationToken: cancellationToken));
        if (id is null)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM topic_texts WHERE topic_id = @Id", new { Id = id }, transaction, cancellationToken: cancellationToken));
        await WriteTextsAsync(connection, transaction, id.Value, draft, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static Task<int> WriteTextsAsync(DbConnection connection, DbTransaction transaction, long id, TopicDraft draft, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO topic_texts (topic_id, language, name, description) VALUES (@Id, @Language, @Name, @Description)",
            draft.Names.Select(n => new
            {
                Id = id,
                Language = n.Key,
                Name = n.Value,
                Description = draft.Descriptions?.GetValueOrDefault(n.Key) ?? "",
            }),
            transaction,
            cancellationToken: cancellationToken));

    private async Task<IReadOnlyList<Topic>> LoadAsync(string where, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Topic>(new CommandDefinition(
            $"""
            SELECT t.id, t.slug, p.slug AS ParentSlug, t.sort_order AS "Order", t.archived,
                   (SELECT COUNT(*) FROM subscriptions s JOIN citizens c ON c.user_id = s.user_id
                    WHERE s.topic_id = t.id AND s.ended_at IS NULL AND c.following) AS SubscriberCount
            FROM topics t LEFT JOIN topics p ON p.id = t.parent_id
            WHERE {where}
            ORDER BY t.sort_order, t.id
            """,
            parameters,
            cancellationToken: cancellationToken))).ToList();
        var texts = (await connection.QueryAsync<TextRow>(new CommandDefinition(
            "SELECT topic_id AS TopicId, language, name, description FROM topic_texts",
            cancellationToken: cancellationToken))).ToLookup(t => t.TopicId);
        return [.. rows.Select(r => r with
        {
            Names = texts[r.Id].ToDictionary(t => t.Language, t => t.Name),
            Descriptions = texts[r.Id].Where(t => t.Description.Length > 0).ToDictionary(t => t.Language, t => t.Description),
        })];
    }

    private sealed record TextRow
    {
        public long TopicId { get; init; }

        public required string Language { get; init; }

        public required string Name { get; init; }

        public required string Description { get; init; }
    }
}
