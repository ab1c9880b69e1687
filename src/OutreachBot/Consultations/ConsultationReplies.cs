using System.Globalization;
using System.Net;
using Dapper;

namespace OutreachBot.Consultations;

/// <summary>
/// Staff's answer to a citizen: pushed through LINE in the citizen's language with the question's number, then
/// recorded in the thread with its audit entry. Nothing is recorded when LINE refuses, so staff see the error and send again.
/// </summary>
public sealed class ConsultationReplies(Database database, LineMessagingClient line, TextCatalog texts, AuditLog audit, TimeProvider time)
{
    public const int MaxLength = 4000;

    /// <param name="wholeThread">Marks every open question of the citizen answered (a reply in the console's thread), not only <paramref name="question"/>.</param>
    /// <param name="retryKey">The same key for the same reply: sent twice (a double click, a retry after a lost answer), it reaches the citizen once and is stored once.</param>
    public async Task<ReplyOutcome> SendAsync(
        Consultation question, string text, StaffActor actor, Guid retryKey, bool wholeThread, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(actor);
        var message = texts.For(question.Language).Format(TextKeys.ConsultationAnswer, question.Id, text);
        try
        {
            await line.PushAsync(
                question.UserId, [TextMessage.Create(LineLimits.Truncate(message, LineLimits.TextLength))], retryKey,
                cancellationToken: cancellationToken);
        }
        catch (LineApiException ex)
        {
            return new ReplyOutcome(false, ex.StatusCode, ex.Message);
        }

        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var stored = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO consultation_replies (user_id, consultation_id, sent_by, text, retry_key, sent_at)
            VALUES (@UserId, @ConsultationId, @SentBy, @Text, @RetryKey, @Now)
            ON CONFLICT (retry_key) DO NOTHING
            """,
            new { question.UserId, ConsultationId = question.Id, SentBy = actor.AuditName ?? "api", Text = text, RetryKey = retryKey.ToString(), Now = now },
            transaction,
            cancellationToken: cancellationToken));
        if (stored == 1)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                wholeThread
                    ? "UPDATE consultations SET status = 'answered', answer = @Text, answered_at = @Now WHERE user_id = @UserId AND status = 'open'"
                    : "UPDATE consultations SET status = 'answered', answer = @Text, answered_at = @Now WHERE id = @Id AND status = 'open'",
                new { question.Id, question.UserId, Text = text, Now = now },
                transaction,
                cancellationToken: cancellationToken));
            await audit.WriteAsync(
                connection, transaction, actor, AuditActions.QuestionReplied, "citizen:" + question.UserId,
                "question:" + question.Id.ToString(CultureInfo.InvariantCulture), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new ReplyOutcome(true, null, null);
    }
}

/// <param name="LineStatus">LINE's status code when it refused the push.</param>
/// <param name="LineMessage">LINE's own message ("You have reached your monthly limit."), for staff.</param>
public sealed record ReplyOutcome(bool Sent, HttpStatusCode? LineStatus, string? LineMessage);
