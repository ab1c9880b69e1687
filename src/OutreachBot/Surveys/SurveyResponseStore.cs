using System.Data.Common;
using System.Security.Cryptography;
using Dapper;

namespace OutreachBot.Surveys;

/// <summary>
/// Citizens' responses: one row per citizen and survey, and the answers under the response's respondent key (the
/// LINE user id, or an anonymous survey's random key until the citizen has finished). Every write states the answer
/// it leaves (not a change from the last one), so a double tap or a redelivered event records once.
/// </summary>
public sealed class SurveyResponseStore(Database database)
{
    /// <summary>The citizen's response, begun now if there was none; <c>Started</c> says whether this call began it.</summary>
    public async Task<(SurveyResponse Response, bool Started)> BeginAsync(long surveyId, string userId, bool anonymous, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var respondent = anonymous ? "anon:" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) : userId;
        var started = await database.ExecuteAsync(
            """
            INSERT INTO survey_responses (survey_id, user_id, respondent, started_at, updated_at)
            VALUES (@SurveyId, @UserId, @Respondent, @Now, @Now)
            ON CONFLICT (survey_id, user_id) DO NOTHING
            """,
            new { SurveyId = surveyId, UserId = userId, Respondent = respondent, Now = now },
            cancellationToken);
        return ((await FindAsync(surveyId, userId, cancellationToken))!, started == 1);
    }

    public async Task<SurveyResponse?> FindAsync(long surveyId, string userId, CancellationToken cancellationToken) =>
        await database.QuerySingleOrDefaultAsync<SurveyResponse>(
            $"{SelectResponse} WHERE survey_id = @SurveyId AND user_id = @UserId", new { SurveyId = surveyId, UserId = userId }, cancellationToken);

    /// <summary>
    /// The response a typed text answers: the one whose text question waits, or the one this very event answered
    /// before (handled again after a crash), latest first.
    /// </summary>
    public async Task<SurveyResponse?> AwaitingTextAsync(string userId, string eventId, CancellationToken cancellationToken) =>
        await database.QuerySingleOrDefaultAsync<SurveyResponse>(
            $"""
            {SelectResponse}
            WHERE user_id = @UserId AND (awaiting_question IS NOT NULL OR text_event = @EventId)
            ORDER BY CASE WHEN text_event = @EventId THEN 0 ELSE 1 END, updated_at DESC
            LIMIT 1
            """,
            new { UserId = userId, EventId = eventId }, cancellationToken);

    /// <summary>The choices given so far, per question (0-based); a typed answer as the choice 0 with its text.</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<SurveyAnswer>>> AnswersAsync(long surveyId, string respondent, CancellationToken cancellationToken) =>
        (await database.QueryAsync<SurveyAnswer>(
            "SELECT question, choice, text FROM survey_answers WHERE survey_id = @SurveyId AND respondent = @Respondent ORDER BY question, choice",
            new { SurveyId = surveyId, Respondent = respondent }, cancellationToken))
        .GroupBy(a => a.Question)
        .ToDictionary(g => g.Key, g => (IReadOnlyList<SurveyAnswer>)[.. g]);

    /// <summary>
    /// Records <paramref name="choice"/> as the answer to <paramref name="question"/>: the only one (single, scale,
    /// text: <paramref name="replace"/>), or one more of several (multiple; <paramref name="on"/> false takes it away).
    /// </summary>
    public async Task AnswerAsync(SurveyResponse response, SurveyAnswerWrite write, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var key = new { response.SurveyId, response.Respondent, write.Question, write.Choice };
        if (write.Replace || !write.On)
        {
            await ExecuteAsync(
                connection, transaction,
                $"DELETE FROM survey_answers WHERE survey_id = @SurveyId AND respondent = @Respondent AND question = @Question{(write.Replace ? "" : " AND choice = @Choice")}",
                key, cancellationToken);
        }

        if (write.On)
        {
            await ExecuteAsync(
                connection, transaction,
                """
                INSERT INTO survey_answers (survey_id, respondent, question, choice, text, language, topics, answered_at)
                SELECT @SurveyId, @Respondent, @Question, @Choice, @Text, @Language, @Topics, @Now
                WHERE NOT EXISTS (SELECT 1 FROM survey_answers WHERE survey_id = @SurveyId AND respondent = @Respondent AND question = @Question AND choice = @Choice)
                """,
                new { response.SurveyId, response.Respondent, write.Question, write.Choice, write.Text, write.Language, Topics = await TopicsAsync(connection, transaction, response.UserId, cancellationToken), write.Now },
                cancellationToken);
        }

        await ExecuteAsync(
            connection, transaction,
            """
            UPDATE survey_responses SET updated_at = @Now,
                awaiting_question = CASE WHEN @TextEvent IS NULL THEN awaiting_question ELSE NULL END,
                text_event = COALESCE(@TextEvent, text_event),
                text_question = CASE WHEN @TextEvent IS NULL THEN text_question ELSE @Question END
            WHERE survey_id = @SurveyId AND user_id = @UserId
            """,
            new { response.SurveyId, response.UserId, write.Question, write.TextEvent, write.Now }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Question <paramref name="question"/> is shown; the citizen's next typed text answers it when <paramref name="typed"/>.</summary>
    public async Task ShowingAsync(long surveyId, string userId, int question, bool typed, DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            """
            UPDATE survey_responses SET at_question = @Question, awaiting_question = @Awaiting, updated_at = @Now
            WHERE survey_id = @SurveyId AND user_id = @UserId
            """,
            new { SurveyId = surveyId, UserId = userId, Question = question, Awaiting = typed ? question : (int?)null, Now = now }, cancellationToken);

    /// <summary>The last question answered: the response is complete; an anonymous one forgets whose answers they were.</summary>
    public async Task CompleteAsync(long surveyId, string userId, bool anonymous, DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            $"""
            UPDATE survey_responses SET completed_at = COALESCE(completed_at, @Now), updated_at = @Now, awaiting_question = NULL
                {(anonymous ? ", respondent = NULL" : "")}
            WHERE survey_id = @SurveyId AND user_id = @UserId
            """,
            new { SurveyId = surveyId, UserId = userId, Now = now }, cancellationToken);

    /// <summary>やめる: no typed text is awaited by any survey of the citizen's any more.</summary>
    public async Task StopAwaitingAsync(string userId, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            "UPDATE survey_responses SET awaiting_question = NULL WHERE user_id = @UserId AND awaiting_question IS NOT NULL",
            new { UserId = userId }, cancellationToken);

    private const string SelectResponse =
        """
        SELECT survey_id AS SurveyId, user_id AS UserId, respondent, at_question AS AtQuestion, awaiting_question AS AwaitingQuestion, text_event AS TextEvent,
            text_question AS TextQuestion, completed_at AS CompletedAt
        FROM survey_responses
        """;

    /// <summary>The citizen's topics now, for the results' breakdown by topic.</summary>
    private static async Task<string> TopicsAsync(DbConnection connection, DbTransaction transaction, string userId, CancellationToken cancellationToken) =>
        string.Join(',', await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT topic_id FROM subscriptions WHERE user_id = @UserId AND ended_at IS NULL ORDER BY topic_id",
            new { UserId = userId }, transaction, cancellationToken: cancellationToken)));

    private static Task<int> ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, object parameters, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
}

public sealed record SurveyResponse
{
    public long SurveyId { get; init; }

    public required string UserId { get; init; }

    /// <summary>Whose answers these are; null once an anonymous response is complete.</summary>
    public string? Respondent { get; init; }

    /// <summary>The question last shown: where the citizen goes on.</summary>
    public int AtQuestion { get; init; }

    public int? AwaitingQuestion { get; init; }

    public string? TextEvent { get; init; }

    public int? TextQuestion { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }
}

public sealed record SurveyAnswer
{
    public int Question { get; init; }

    public int Choice { get; init; }

    public string? Text { get; init; }
}

/// <param name="Replace">The only answer to the question (single, scale, text); otherwise one of several.</param>
/// <param name="On">False: take this choice away (multiple).</param>
/// <param name="TextEvent">The webhook event of a typed answer, remembered so that handling it again repeats it.</param>
public sealed record SurveyAnswerWrite(int Question, int Choice, string? Text, bool Replace, bool On, string Language, DateTimeOffset Now, string? TextEvent = null);
