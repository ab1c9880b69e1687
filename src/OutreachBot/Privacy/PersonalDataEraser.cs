using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Options;

namespace OutreachBot.Privacy;

/// <summary>
/// Erases one citizen's personal data in one transaction, keeping what the office counts. Their subscriptions, follow
/// periods and reminders move to a new anonymous citizen (ended now), so past days' counts stay; applications keep their
/// seat and status without user id, name, phone or answers; questions and replies keep their dates and status without
/// their text; the profile (district, age band, skills, free days) and its consent go; raw webhook payloads of their handled events are emptied. The citizen's own row keeps only the LINE user
/// id, marked not following and erased: broadcasts already cut into batches drop them, nothing else is addressed to
/// them, and only a new message or follow from them (which records them again) makes them a recipient again.
/// </summary>
public sealed class PersonalDataEraser(Database database, IOptions<BotOptions> bot)
{
    /// <summary>How the anonymous citizen that keeps an erased citizen's counts is named; nobody on LINE has such an id.</summary>
    public const string AnonymousPrefix = "erased:";

    /// <summary>Returns false when the office holds nothing about <paramref name="userId"/>.</summary>
    public async Task<bool> EraseAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var known = await EraseAsync(connection, transaction, userId, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return known;
    }

    /// <summary>The same within the caller's transaction (staff's erasure writes its audit entry in it).</summary>
    public async Task<bool> EraseAsync(DbConnection connection, DbTransaction transaction, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = new { UserId = userId, Anonymous = AnonymousPrefix + Guid.NewGuid().ToString("N"), Now = now, No = false, Closed = "closed", bot.Value.DefaultLanguage };
        var made = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO citizens (user_id, language, following, first_followed_at, updated_at, following_changed_at, erased_at)
            SELECT @Anonymous, language, @No, first_followed_at, @Now, @Now, @Now FROM citizens WHERE user_id = @UserId
            """,
            ids, transaction, cancellationToken: cancellationToken));
        if (made == 0)
        {
            return false;
        }

        string[] statements =
        [
            "UPDATE follow_periods SET user_id = @Anonymous, ended_at = COALESCE(ended_at, @Now) WHERE user_id = @UserId",
            "UPDATE subscriptions SET user_id = @Anonymous, ended_at = COALESCE(ended_at, @Now) WHERE user_id = @UserId",
            "UPDATE event_reminders SET user_id = @Anonymous, cancelled_at = COALESCE(cancelled_at, @Now) WHERE user_id = @UserId",
            "UPDATE consultations SET user_id = @Anonymous, text = '', answer = NULL, status = @Closed WHERE user_id = @UserId",
            "UPDATE consultation_replies SET user_id = @Anonymous, text = '' WHERE user_id = @UserId",
            "DELETE FROM consultation_threads WHERE user_id = @UserId",
            "DELETE FROM conversation_states WHERE user_id = @UserId",
            "DELETE FROM application_drafts WHERE user_id = @UserId",
            "UPDATE event_applications SET user_id = NULL, name = NULL, phone = NULL, answers = NULL, erased_at = @Now WHERE user_id = @UserId",
            "DELETE FROM event_notices WHERE user_id = @UserId AND sent_at IS NULL",
            "UPDATE event_notices SET user_id = @Anonymous WHERE user_id = @UserId",
            // Survey answers keep their counts under the anonymous id, without typed texts; an anonymous survey's
            // answers still being given are reached through the response's random key before the response lets go of it.
            "UPDATE survey_answers SET respondent = @Anonymous, text = NULL WHERE respondent IN (SELECT respondent FROM survey_responses WHERE user_id = @UserId) OR respondent = @UserId",
            "UPDATE survey_responses SET user_id = @Anonymous, respondent = NULL, awaiting_question = NULL, text_event = NULL WHERE user_id = @UserId",
            "UPDATE safety_reports SET user_id = @Anonymous WHERE user_id = @UserId",
            $"UPDATE inbox_events SET payload = '{{}}', source_key = NULL WHERE source_key = @UserId AND state IN ('done', 'skipped')",
            """
            UPDATE citizens SET language = @DefaultLanguage, language_chosen = @No, display_name = NULL, district = NULL,
                following = @No, following_changed_at = @Now, subscriptions_stopped_at = @Now, updated_at = @Now, erased_at = @Now
            WHERE user_id = @UserId
            """,
        ];
        await Profiles.ProfileStore.EraseAsync(connection, transaction, userId, now, cancellationToken);
        foreach (var sql in statements)
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, ids, transaction, cancellationToken: cancellationToken));
        }

        return true;
    }
}
