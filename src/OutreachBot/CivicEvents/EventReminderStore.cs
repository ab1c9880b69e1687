using Dapper;
using OutreachBot.Storage;

namespace OutreachBot.CivicEvents;

/// <summary>
/// Who asked to be reminded of which event (リマインド). The conversation records the requests; the broadcasts feature
/// reads <see cref="PendingAsync"/> the day before an event, sends, and calls <see cref="MarkSentAsync"/>.
/// </summary>
public sealed class EventReminderStore(Database database)
{
    /// <summary>Records the request; false when the citizen had already asked (and not cancelled).</summary>
    public async Task<bool> RequestAsync(string userId, long eventId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO event_reminders (event_id, user_id, requested_at) VALUES (@EventId, @UserId, @Now)
            ON CONFLICT (event_id, user_id) WHERE cancelled_at IS NULL DO NOTHING
            """,
            new { EventId = eventId, UserId = userId, Now = now },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Withdraws the request; false when there was none open.</summary>
    public async Task<bool> CancelAsync(string userId, long eventId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE event_reminders SET cancelled_at = @Now WHERE event_id = @EventId AND user_id = @UserId AND cancelled_at IS NULL",
            new { EventId = eventId, UserId = userId, Now = now },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>The events the citizen asked to be reminded of (open requests).</summary>
    public async Task<IReadOnlySet<long>> EventIdsOfAsync(string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var ids = await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT event_id FROM event_reminders WHERE user_id = @UserId AND cancelled_at IS NULL",
            new { UserId = userId },
            cancellationToken: cancellationToken));
        return ids.ToHashSet();
    }

    /// <summary>
    /// The reminders of <paramref name="eventId"/> still to send: open, not yet sent, and to citizens who follow the
    /// account now, with each citizen's language. Ordered by user id, so that a sender can page through them.
    /// </summary>
    public async Task<IReadOnlyList<PendingReminder>> PendingAsync(long eventId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<PendingReminder>(new CommandDefinition(
            """
            SELECT r.user_id AS UserId, c.language AS Language, r.requested_at AS RequestedAt
            FROM event_reminders r JOIN citizens c ON c.user_id = r.user_id
            WHERE r.event_id = @EventId AND r.cancelled_at IS NULL AND r.sent_at IS NULL AND c.following
            ORDER BY r.user_id
            """,
            new { EventId = eventId },
            cancellationToken: cancellationToken))];
    }

    /// <summary>
    /// <see cref="PendingAsync"/> without loading them all, and none when the event is cancelled: what a reminder
    /// broadcast snapshots as its audience, in user id order; only those after <paramref name="after"/> when it is given.
    /// </summary>
    public async IAsyncEnumerable<PendingReminder> StreamAsync(long eventId, string? after, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = connection.QueryUnbufferedAsync<PendingReminder>(
            """
            SELECT r.user_id AS UserId, c.language AS Language, r.requested_at AS RequestedAt
            FROM event_reminders r
            JOIN citizens c ON c.user_id = r.user_id
            JOIN civic_events e ON e.id = r.event_id
            WHERE r.event_id = @EventId AND r.cancelled_at IS NULL AND r.sent_at IS NULL AND c.following AND NOT e.cancelled
              AND (@After IS NULL OR r.user_id > @After)
            ORDER BY r.user_id
            """,
            new { EventId = eventId, After = after });
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    /// <summary>Records that these citizens were reminded; returns how many open requests it marked.</summary>
    public async Task<int> MarkSentAsync(long eventId, IReadOnlyCollection<string> userIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
        {
            return 0;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE event_reminders SET sent_at = @Now
            WHERE event_id = @EventId AND user_id = @UserId AND cancelled_at IS NULL AND sent_at IS NULL
            """,
            userIds.Select(u => new { EventId = eventId, UserId = u, Now = now }),
            cancellationToken: cancellationToken));
    }
}

/// <param name="RequestedAt">UTC unix milliseconds.</param>
public sealed record PendingReminder(string UserId, string Language, DateTimeOffset RequestedAt);
