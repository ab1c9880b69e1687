using System.Text.Encodings.Web;
using System.Text.Json;
using Dapper;

namespace OutreachBot.Surveys;

/// <summary>Surveys as staff made them; the questions are one JSON document, read and written whole.</summary>
public sealed class SurveyStore(Database database)
{
    /// <summary>Texts kept as written (not \u escapes), so the stored questions read as they are.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<long> CreateAsync(SurveyDraft draft, string createdBy, DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.ExecuteScalarAsync<long>(
            """
            INSERT INTO surveys (title, questions, anonymous, closes_at, created_by, created_at)
            VALUES (@Title, @Questions, @Anonymous, @ClosesAt, @CreatedBy, @Now)
            RETURNING id
            """,
            new { draft.Title, Questions = JsonSerializer.Serialize(draft.Questions, Json), draft.Anonymous, draft.ClosesAt, CreatedBy = createdBy, Now = now },
            cancellationToken);

    /// <summary>Replaces the questions and settings; false when somebody has begun to answer, whose answers name questions by place.</summary>
    public async Task<bool> ReplaceUnansweredAsync(long id, SurveyDraft draft, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            """
            UPDATE surveys SET title = @Title, questions = @Questions, anonymous = @Anonymous, closes_at = @ClosesAt
            WHERE id = @Id AND NOT EXISTS (SELECT 1 FROM survey_responses WHERE survey_id = @Id)
            """,
            new { Id = id, draft.Title, Questions = JsonSerializer.Serialize(draft.Questions, Json), draft.Anonymous, draft.ClosesAt },
            cancellationToken) == 1;

    /// <summary>Closes an open survey now; false when it had closed already.</summary>
    public async Task<bool> CloseAsync(long id, DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            "UPDATE surveys SET closes_at = @Now WHERE id = @Id AND (closes_at IS NULL OR closes_at > @Now)", new { Id = id, Now = now }, cancellationToken) == 1;

    public async Task<Survey?> FindAsync(long id, CancellationToken cancellationToken) =>
        (await LoadAsync("WHERE id = @Id", new { Id = id }, cancellationToken)).SingleOrDefault();

    /// <summary>Newest first.</summary>
    public Task<IReadOnlyList<Survey>> ListAsync(CancellationToken cancellationToken) => LoadAsync("ORDER BY id DESC", null, cancellationToken);

    /// <summary>The survey event <paramref name="eventId"/>'s applicants are invited to after it (null: none, the rating).</summary>
    public async Task AttachToEventAsync(long eventId, long? surveyId, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            "UPDATE civic_events SET survey_id = @SurveyId WHERE id = @EventId", new { EventId = eventId, SurveyId = surveyId }, cancellationToken);

    private async Task<IReadOnlyList<Survey>> LoadAsync(string rest, object? parameters, CancellationToken cancellationToken)
    {
        var rows = await database.QueryAsync<SurveyRow>(
            $"SELECT id, title, questions, anonymous, closes_at AS ClosesAt, created_by AS CreatedBy, created_at AS CreatedAt FROM surveys {rest}",
            parameters,
            cancellationToken);
        return [.. rows.Select(r => new Survey(
            r.Id, r.Title, JsonSerializer.Deserialize<List<SurveyQuestion>>(r.Questions, Json)!, r.Anonymous, r.ClosesAt, r.CreatedBy, r.CreatedAt))];
    }

    private sealed record SurveyRow
    {
        public long Id { get; init; }

        public required string Title { get; init; }

        public required string Questions { get; init; }

        public bool Anonymous { get; init; }

        public DateTimeOffset? ClosesAt { get; init; }

        public required string CreatedBy { get; init; }

        public DateTimeOffset CreatedAt { get; init; }
    }
}
