using System.Data.Common;
using Dapper;
using OutreachBot.Privacy;

namespace OutreachBot.Consultations;

/// <summary>Citizens' questions to staff (相談), and staff's answers.</summary>
public sealed class ConsultationStore(Database database) : IDisposable
{
    // Every free text that no FAQ answers is a question, so under load many arrive together; they share commits.
    private readonly GroupCommit<NewConsultation, long> _adds = new(questions => InsertAsync(database, questions));

    /// <summary>
    /// Stores the question and returns its number. The same webhook event stores one question however often it is
    /// handled, and gets the same number back.
    /// </summary>
    public Task<long> AddAsync(string userId, string language, string text, string webhookEventId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Once submitted, the question is written with the others of its group whatever becomes of this caller.
        cancellationToken.ThrowIfCancellationRequested();
        return _adds.SubmitAsync(new NewConsultation(userId, language, text, webhookEventId, now));
    }

    private static async Task<IReadOnlyList<long>> InsertAsync(Database database, IReadOnlyList<NewConsultation> questions)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        // One command for the whole group, so that the statement is compiled once and only its values change.
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText =
            """
            INSERT INTO consultations (user_id, language, text, webhook_event_id, received_at)
            VALUES (@UserId, @Language, @Text, @WebhookEventId, @Now)
            ON CONFLICT (webhook_event_id) DO NOTHING
            RETURNING id
            """;
        var userId = Parameter(insert, "UserId");
        var language = Parameter(insert, "Language");
        var text = Parameter(insert, "Text");
        var webhookEventId = Parameter(insert, "WebhookEventId");
        var now = Parameter(insert, "Now");
        var numbers = new long[questions.Count];
        for (var i = 0; i < questions.Count; i++)
        {
            var question = questions[i];
            (userId.Value, language.Value, text.Value, webhookEventId.Value, now.Value) =
                (question.UserId, question.Language, question.Text, question.WebhookEventId, question.Now.ToUnixTimeMilliseconds());
            numbers[i] = await insert.ExecuteScalarAsync() is long id
                ? id
                : await connection.QuerySingleAsync<long>(new CommandDefinition(
                    "SELECT id FROM consultations WHERE webhook_event_id = @WebhookEventId", question, transaction));
        }

        await transaction.CommitAsync();
        return numbers;
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    public async Task<Consultation?> FindAsync(long id, CancellationToken cancellationToken) =>
        await database.QuerySingleOrDefaultAsync<Consultation>(
            $"{Select} WHERE id = @Id", new { Id = id }, cancellationToken);

    /// <summary>Questions with <paramref name="status"/> (all when null), oldest first.</summary>
    public async Task<IReadOnlyList<Consultation>> ListAsync(string? status, int limit, CancellationToken cancellationToken) =>
        await database.QueryAsync<Consultation>(
            // An erased citizen's questions are empty and their anonymous id reaches nobody; they stay only in the counts.
            $"{Select} WHERE {(status is null ? "1 = 1" : "status = @Status")} AND user_id NOT LIKE @Erased ORDER BY received_at, id LIMIT @Limit",
            new { Status = status, Limit = limit, Erased = PersonalDataEraser.AnonymousPrefix + "%" }, cancellationToken);

    private const string Select =
        """
        SELECT id, user_id AS UserId, language, text, received_at AS ReceivedAt, status, answer, answered_at AS AnsweredAt
        FROM consultations
        """;

    public void Dispose() => _adds.Dispose();

    private sealed record NewConsultation(string UserId, string Language, string Text, string WebhookEventId, DateTimeOffset Now);
}

public sealed record Consultation
{
    public long Id { get; init; }

    public required string UserId { get; init; }

    public required string Language { get; init; }

    public required string Text { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary><c>open</c>, <c>answered</c> or <c>closed</c>.</summary>
    public required string Status { get; init; }

    public string? Answer { get; init; }

    public DateTimeOffset? AnsweredAt { get; init; }
}
