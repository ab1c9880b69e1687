using System.Data.Common;
using Dapper;

namespace OutreachBot.CivicEvents.Applications;

/// <summary>Moving waiting parties up into free seats, inside the transaction that holds the event's lock.</summary>
internal static class WaitingList
{
    public const string MovedUpNotice = "moved_up";

    /// <summary>
    /// In waiting order, each party that fits in the seats still free is confirmed (a party of three waits for three
    /// seats while a smaller one behind it may move up); each applicant moved up is owed a notice, due now.
    /// </summary>
    public static async Task<IReadOnlyList<EventApplication>> MoveUpAsync(
        DbConnection connection, DbTransaction transaction, long eventId, int free, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var waiting = await ApplicationRows.QueryAsync(
            connection, transaction, "a.event_id = @EventId AND a.status = 'waiting' ORDER BY a.number", new { EventId = eventId }, cancellationToken);
        var movedUp = new List<EventApplication>();
        foreach (var application in waiting)
        {
            if (free == 0)
            {
                break;
            }

            if (application.PartySize > free)
            {
                continue;
            }

            free -= application.PartySize;
            await EventSeats.TakeAsync(connection, transaction, eventId, application.PartySize, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE event_applications SET status = 'confirmed', moved_up_at = @Now WHERE id = @Id",
                new { application.Id, Now = now },
                transaction,
                cancellationToken: cancellationToken));
            await ApplicantReminders.AddAsync(connection, transaction, eventId, application.UserId, now, cancellationToken);
            await EventNotices.AddAsync(connection, transaction, MovedUpNotice, urgent: false, now, "a.id = @Id", new { application.Id }, cancellationToken);

            movedUp.Add(application with { Status = EventApplication.Confirmed, MovedUpAt = now, Position = null });
        }

        return movedUp;
    }
}
