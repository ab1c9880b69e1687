using Dapper;
using OutreachBot.Storage;

namespace OutreachBot.Consultations;

/// <summary>Citizens' questions to staff (相談), and staff's answers.</summary>
public sealed class ConsultationStore(Database database)
{
    /// <summary>
    /// Stores the question and returns its number. The same webhook event stores one question however often it is
    /// handled, and gets the same number back.
    /// </summary>
    public async Task<long> AddAsync(string userId, string language, string text, string webhookEventId, long now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var id = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            """
            INSERT INTO consultations (user_id, language, text, webhook_event_id, received_at)
            VALUES (@UserId, @Language, @Text, @WebhookEventId, @Now)
            ON CONFLICT (webhook_event_id) DO NOTHING
            RETURNING id
            """,
            new { UserId = userId, Language = language, Text = text, WebhookEventId = webhookEventId, Now = now },
            cancellationToken: cancellationToken));
        return id ?? await connection.QuerySingleAsync<long>(new CommandDefinition(
            "SELECT id FROM consultations WHERE webhook_event_id = @WebhookEventId",
            new { WebhookEventId = webhookEventId },
            cancellationToken: cancellationToken));
    }

    public async Task<Consultation?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Consultation>(new CommandDefinition(
            $"{Select} WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken));
    }

    /// <summary>Questions with <paramref name="status"/> (all when null), oldest first.</summary>
    public async Task<IReadOnlyList<Consultation>> ListAsync(string? status, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<Consultation>(new CommandDefinition(
            $"{Select} WHERE {(status is null ? "1 = 1" : "status = @Status")} ORDER BY received_at, id LIMIT @Limit",
            new { Status = status, Limit = limit },
            cancellationToken: cancellationToken))];
    }

    private const string Select =
        """
        SELECT id, user_id AS UserId, language, text, received_at AS ReceivedAt, status, answer, answered_at AS AnsweredAt
        FROM consultations
        """;
}

public sealed record Consultation
{
    public long Id { get; init; }

    public required string UserId { get; init; }

    public required string Language { get; init; }

    public required string Text { get; init; }

    public long ReceivedAt { get; init; }

    /// <summary><c>open</c>, <c>answered</c> or <c>closed</c>.</summary>
    public required string Status { get; init; }

    public string? Answer { get; init; }

    public long? AnsweredAt { get; init; }
}
