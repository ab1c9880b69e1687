using System.Data.Common;
using Dapper;

namespace OutreachBot.CivicEvents.Applications;

/// <summary>
/// What staff changing an event does to its applications, under the event's lock like every seat change and in the
/// transaction that changes the event, so that no change is stored without its applicants being owed their notice.
/// </summary>
public static class EventChangeNotices
{
    /// <summary>
    /// The event is cancelled: every open application is withdrawn and each applicant, confirmed or waiting, is owed a
    /// notice (a push in LINE, a mail on the web); <paramref name="urgent"/> (cancelled on its day) lets it go out in quiet hours. Returns how many were told.
    /// </summary>
    public static async Task<int> WithdrawAllAsync(
        DbConnection connection, DbTransaction transaction, long eventId, bool urgent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await EventSeats.LockAsync(connection, transaction, eventId, step: 0, cancellationToken) is null)
        {
            return 0;
        }

        var told = await NotifyOpenAsync(connection, transaction, eventId, NoticeLedger.Cancelled, urgent, now, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE event_applications SET status = 'cancelled', cancelled_at = @Now WHERE event_id = @EventId AND status <> 'cancelled';
            UPDATE civic_events SET seats_taken = 0 WHERE id = @EventId;
            """,
            new { EventId = eventId, Now = now },
            transaction,
            cancellationToken: cancellationToken));
        return told;
    }

    /// <summary>The event moved (time or venue): each open applicant is owed a notice saying so. Returns how many.</summary>
    public static Task<int> NotifyMovedAsync(DbConnection connection, DbTransaction transaction, long eventId, DateTimeOffset now, CancellationToken cancellationToken) =>
        NotifyOpenAsync(connection, transaction, eventId, NoticeLedger.Moved, urgent: false, now, cancellationToken);

    private static Task<int> NotifyOpenAsync(
        DbConnection connection, DbTransaction transaction, long eventId, string kind, bool urgent, DateTimeOffset now, CancellationToken cancellationToken) =>
        EventNotices.AddAsync(
            connection, transaction, kind, urgent, now, "a.event_id = @EventId AND a.status <> 'cancelled'", new { EventId = eventId }, cancellationToken);
}
