using Dapper;
using OutreachBot.Storage;

namespace OutreachBot.CivicEvents.Applications;

public enum RateResult
{
    Rated,

    /// <summary>The same tap handled again (after a crash): the answer repeats.</summary>
    Replayed,

    /// <summary>The applicant rated this event before, with <see cref="RateOutcome.Rating"/>.</summary>
    AlreadyRated,

    /// <summary>Not this citizen's thanked application (someone else's number, an event without applications, a forged tap).</summary>
    NotFound,
}

public sealed record RateOutcome(RateResult Result, int? Rating);

/// <summary>
/// Applicants' answers to the thanks: a rating of 1 to 5, once, only on an application of theirs that was thanked; and
/// an optional comment, taken from the next text while the comment step is open.
/// </summary>
public sealed class RatingStore(Database database)
{
    public const int MinRating = 1;
    public const int MaxRating = 5;
    public const int MaxCommentLength = 1000;

    public async Task<RateOutcome> RateAsync(long eventId, long number, string userId, int rating, string requestKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = new { EventId = eventId, Number = number, UserId = userId, Rating = rating, Key = requestKey, Now = now, Thanks = ThanksNotices.Kind };
        await using var connection = await database.OpenAsync(cancellationToken);
        if (rating is >= MinRating and <= MaxRating && await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE event_applications SET rating = @Rating, rated_at = @Now, rating_request = @Key
            WHERE event_id = @EventId AND number = @Number AND user_id = @UserId AND status = 'confirmed' AND rating IS NULL
              AND EXISTS (SELECT 1 FROM event_notices n
                          WHERE n.event_id = @EventId AND n.user_id = @UserId AND n.kind = @Thanks AND n.sent_at IS NOT NULL)
            """,
            key,
            cancellationToken: cancellationToken)) == 1)
        {
            return new RateOutcome(RateResult.Rated, rating);
        }

        var given = await connection.QuerySingleOrDefaultAsync<(int? Rating, string? Request)>(new CommandDefinition(
            "SELECT rating, rating_request FROM event_applications WHERE event_id = @EventId AND number = @Number AND user_id = @UserId",
            key,
            cancellationToken: cancellationToken));
        return given.Rating is { } earlier
            ? new RateOutcome(given.Request == requestKey ? RateResult.Replayed : RateResult.AlreadyRated, earlier)
            : new RateOutcome(RateResult.NotFound, null);
    }

    /// <summary>
    /// Opens the comment step of the citizen's rated application until <paramref name="until"/>; its rating, or null when
    /// there is no rated application of theirs by that number or its comment was given.
    /// </summary>
    public async Task<int?> OpenCommentStepAsync(long eventId, long number, string userId, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<int?>(new CommandDefinition(
            """
            UPDATE event_applications SET comment_until = @Until
            WHERE event_id = @EventId AND number = @Number AND user_id = @UserId AND rating IS NOT NULL AND comment IS NULL
            RETURNING rating
            """,
            new { EventId = eventId, Number = number, UserId = userId, Until = until },
            cancellationToken: cancellationToken));
    }

    /// <summary>Closes any comment step of the citizen's: their next text is no comment.</summary>
    public async Task CloseCommentStepsAsync(string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE event_applications SET comment_until = NULL WHERE user_id = @UserId AND comment_until IS NOT NULL",
            new { UserId = userId },
            cancellationToken: cancellationToken));
    }

    /// <summary>The rating the citizen gave their application, or null.</summary>
    public async Task<int?> RatingOfAsync(long eventId, long number, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<int?>(new CommandDefinition(
            "SELECT rating FROM event_applications WHERE event_id = @EventId AND number = @Number AND user_id = @UserId",
            new { EventId = eventId, Number = number, UserId = userId },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Takes <paramref name="text"/> as the comment of the citizen's application whose comment step is open, or finds the
    /// comment this very webhook event gave before; the event's id, or null when no comment step is open.
    /// </summary>
    public async Task<long?> CommentAsync(string userId, string text, string requestKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var comment = text.Trim();
        var parameters = new { UserId = userId, Text = comment.Length > MaxCommentLength ? comment[..MaxCommentLength] : comment, Key = requestKey, Now = now };
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            """
            UPDATE event_applications SET comment = @Text, comment_request = @Key, comment_until = NULL
            WHERE id = (SELECT id FROM event_applications
                        WHERE user_id = @UserId AND comment IS NULL AND comment_until > @Now ORDER BY comment_until DESC LIMIT 1)
            RETURNING event_id
            """,
            parameters,
            cancellationToken: cancellationToken))
            ?? await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
                "SELECT event_id FROM event_applications WHERE user_id = @UserId AND comment_request = @Key",
                parameters,
                cancellationToken: cancellationToken));
    }
}
