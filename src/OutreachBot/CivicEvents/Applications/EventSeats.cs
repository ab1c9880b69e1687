using System.Data.Common;
using Dapper;

namespace OutreachBot.CivicEvents.Applications;

/// <summary>
/// The event's row as the seat accounting sees it, read by a write so that it is locked until the transaction ends:
/// on PostgreSQL the row lock makes every other instance's application to this event wait; on SQLite the transaction
/// already holds the one write lock. So applications to one event are taken one after another, in one order.
/// </summary>
internal sealed record EventSeats
{
    public long Seq { get; init; }

    public int? Capacity { get; init; }

    public int SeatsTaken { get; init; }

    public int MaxPartySize { get; init; }

    public bool Cancelled { get; init; }

    public DateTimeOffset StartsAt { get; init; }

    public DateTimeOffset? ApplicationsOpen { get; init; }

    public DateTimeOffset? ApplicationsClose { get; init; }

    public int Free => Math.Max(0, (Capacity ?? 0) - SeatsTaken);

    public bool OpenAt(DateTimeOffset now) =>
        Capacity is not null && !Cancelled && (ApplicationsOpen is null || ApplicationsOpen <= now) && now < (ApplicationsClose ?? StartsAt) && now < StartsAt;

    /// <param name="step">1 to take the next application number, 0 to lock only.</param>
    public static Task<EventSeats?> LockAsync(DbConnection connection, DbTransaction transaction, long eventId, int step, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<EventSeats>(new CommandDefinition(
            """
            UPDATE civic_events SET application_seq = application_seq + @Step WHERE id = @EventId
            RETURNING application_seq AS Seq, capacity, seats_taken AS SeatsTaken, max_party_size AS MaxPartySize, cancelled,
                      starts_at AS StartsAt, applications_open AS ApplicationsOpen, applications_close AS ApplicationsClose
            """,
            new { EventId = eventId, Step = step },
            transaction,
            cancellationToken: cancellationToken));

    /// <summary>Takes (or, negative, frees) seats; the condition keeps the counter within capacity even if a caller got it wrong.</summary>
    public static async Task TakeAsync(DbConnection connection, DbTransaction transaction, long eventId, int seats, CancellationToken cancellationToken)
    {
        var taken = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE civic_events SET seats_taken = seats_taken + @Seats
            WHERE id = @EventId AND seats_taken + @Seats >= 0 AND (@Seats <= 0 OR seats_taken + @Seats <= capacity)
            """,
            new { EventId = eventId, Seats = seats },
            transaction,
            cancellationToken: cancellationToken));
        if (taken != 1)
        {
            throw new InvalidOperationException($"Event {eventId}: {seats} seats would leave its counter outside 0..capacity.");
        }
    }
}
