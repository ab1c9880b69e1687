using System.Data.Common;
using Dapper;
using OutreachBot.Storage;

namespace OutreachBot.CivicEvents.Applications;

/// <summary>
/// Applications and the seats they take. Every change locks the event's row first (<see cref="EventSeats.LockAsync"/>),
/// so on both databases and across instances they happen one after another: never over capacity, numbers in the order
/// applications were taken, and a freed seat goes to the first waiting party it fits in the same transaction.
/// </summary>
public sealed class ApplicationStore(Database database)
{
    public async Task<ApplyOutcome> ApplyAsync(ApplicationRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var seats = await EventSeats.LockAsync(connection, transaction, request.EventId, step: 1, cancellationToken);
        if (seats is null)
        {
            return new ApplyOutcome(ApplyResult.Closed, null);
        }

        if (request.RequestKey is not null && (await ApplicationRows.QueryAsync(
            connection, transaction, "a.event_id = @EventId AND a.request_key = @Key", new { request.EventId, Key = request.RequestKey }, cancellationToken)).SingleOrDefault() is { } replayed)
        {
            return new ApplyOutcome(replayed.Status == EventApplication.Waiting ? ApplyResult.Waiting : ApplyResult.Confirmed, replayed, Replayed: true);
        }

        if (request.UserId is not null && await OpenOfAsync(connection, transaction, request.EventId, request.UserId, cancellationToken) is { } open)
        {
            return new ApplyOutcome(ApplyResult.AlreadyApplied, open);
        }

        if (seats.Capacity is null || seats.Cancelled || (!request.ByStaff && !seats.OpenAt(now)))
        {
            return new ApplyOutcome(ApplyResult.Closed, null);
        }

        if (request.PartySize < 1 || request.PartySize > seats.MaxPartySize)
        {
            return new ApplyOutcome(ApplyResult.PartyTooLarge, null);
        }

        var confirmed = request.PartySize <= seats.Free;
        if (confirmed)
        {
            await EventSeats.TakeAsync(connection, transaction, request.EventId, request.PartySize, cancellationToken);
            await ApplicantReminders.AddAsync(connection, transaction, request.EventId, request.UserId, now, cancellationToken);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO event_applications (event_id, number, user_id, channel, name, phone, party_size, answers, status, request_key, applied_at)
            VALUES (@EventId, @Number, @UserId, @Channel, @Name, @Phone, @PartySize, @Answers, @Status, @RequestKey, @Now)
            """,
            new
            {
                request.EventId,
                Number = seats.Seq,
                request.UserId,
                request.Channel,
                request.Name,
                request.Phone,
                request.PartySize,
                Answers = ApplicationRows.ToJson(request.Answers),
                Status = confirmed ? EventApplication.Confirmed : EventApplication.Waiting,
                request.RequestKey,
                Now = now,
            },
            transaction,
            cancellationToken: cancellationToken));
        var application = await FindAsync(connection, transaction, request.EventId, seats.Seq, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ApplyOutcome(confirmed ? ApplyResult.Confirmed : ApplyResult.Waiting, application);
    }

    /// <summary>
    /// Cancels application <paramref name="number"/>; when <paramref name="userId"/> is given, only that citizen's. A seat
    /// it held goes to the waiting list at once, and a notice for each party moved up is written with it.
    /// </summary>
    public async Task<CancelOutcome> CancelAsync(long eventId, long number, string? userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var seats = await EventSeats.LockAsync(connection, transaction, eventId, step: 0, cancellationToken);
        var application = seats is null ? null : await FindAsync(connection, transaction, eventId, number, cancellationToken);
        if (application is null || (userId is not null && application.UserId != userId))
        {
            return new CancelOutcome(CancelResult.NotFound, null, []);
        }

        if (!application.IsOpen)
        {
            return new CancelOutcome(CancelResult.AlreadyCancelled, application, []);
        }

        if (now >= seats!.StartsAt)
        {
            return new CancelOutcome(CancelResult.TooLate, application, []);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE event_applications SET status = 'cancelled', cancelled_at = @Now WHERE id = @Id",
            new { application.Id, Now = now },
            transaction,
            cancellationToken: cancellationToken));
        IReadOnlyList<EventApplication> movedUp = [];
        if (application.Status == EventApplication.Confirmed)
        {
            await EventSeats.TakeAsync(connection, transaction, eventId, -application.PartySize, cancellationToken);
            await ApplicantReminders.WithdrawAsync(connection, transaction, eventId, application.UserId, now, cancellationToken);
            var free = Math.Max(0, (seats.Capacity ?? 0) - (seats.SeatsTaken - application.PartySize));
            movedUp = await WaitingList.MoveUpAsync(connection, transaction, eventId, free, now, cancellationToken);
        }

        var cancelled = await FindAsync(connection, transaction, eventId, number, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CancelOutcome(CancelResult.Cancelled, cancelled, movedUp);
    }

    /// <summary>Gives seats freed by a larger capacity to the waiting list; the parties moved up, in order.</summary>
    public async Task<IReadOnlyList<EventApplication>> FillFreeSeatsAsync(long eventId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await EventSeats.LockAsync(connection, transaction, eventId, step: 0, cancellationToken) is not { Cancelled: false, Free: > 0 } seats)
        {
            return [];
        }

        var movedUp = await WaitingList.MoveUpAsync(connection, transaction, eventId, seats.Free, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return movedUp;
    }

    /// <summary>Marks a confirmed application as attended; false when there is no such confirmed application.</summary>
    public async Task<EventApplication?> MarkAttendedAsync(long eventId, long number, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var marked = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE event_applications SET attended_at = COALESCE(attended_at, @Now)
            WHERE event_id = @EventId AND number = @Number AND status = 'confirmed'
            """,
            new { EventId = eventId, Number = number, Now = now },
            cancellationToken: cancellationToken));
        return marked == 1 ? await FindAsync(connection, null, eventId, number, cancellationToken) : null;
    }

    /// <summary>Every application to the event, in number order.</summary>
    public async Task<IReadOnlyList<EventApplication>> ListAsync(long eventId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ApplicationRows.QueryAsync(connection, null, "a.event_id = @EventId ORDER BY a.number", new { EventId = eventId }, cancellationToken);
    }

    /// <summary>The citizen's open applications to events not yet over, soonest event first.</summary>
    public async Task<IReadOnlyList<EventApplication>> OpenOfUserAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ApplicationRows.QueryAsync(
            connection,
            null,
            """
            a.user_id = @UserId AND a.status <> 'cancelled'
              AND a.event_id IN (SELECT id FROM civic_events WHERE COALESCE(ends_at, starts_at) >= @Now)
            ORDER BY (SELECT starts_at FROM civic_events e WHERE e.id = a.event_id), a.event_id
            """,
            new { UserId = userId, Now = now },
            cancellationToken);
    }

    /// <summary>The application a request made, when it was handled before (the same webhook event again).</summary>
    public async Task<EventApplication?> FindByRequestAsync(long eventId, string requestKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await ApplicationRows.QueryAsync(
            connection, null, "a.event_id = @EventId AND a.request_key = @Key", new { EventId = eventId, Key = requestKey }, cancellationToken)).SingleOrDefault();
    }

    /// <summary>The citizen's open application to the event, if any.</summary>
    public async Task<EventApplication?> OpenOfAsync(long eventId, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await OpenOfAsync(connection, null, eventId, userId, cancellationToken);
    }

    /// <summary>How many parties wait for the event now.</summary>
    public async Task<int> WaitingCountAsync(long eventId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM event_applications WHERE event_id = @EventId AND status = 'waiting'", new { EventId = eventId }, cancellationToken: cancellationToken));
    }

    public async Task<EventApplication?> FindAsync(long eventId, long number, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await FindAsync(connection, null, eventId, number, cancellationToken);
    }

    private static async Task<EventApplication?> FindAsync(DbConnection connection, DbTransaction? transaction, long eventId, long number, CancellationToken cancellationToken) =>
        (await ApplicationRows.QueryAsync(connection, transaction, "a.event_id = @EventId AND a.number = @Number", new { EventId = eventId, Number = number }, cancellationToken))
        .SingleOrDefault();

    private static async Task<EventApplication?> OpenOfAsync(DbConnection connection, DbTransaction? transaction, long eventId, string userId, CancellationToken cancellationToken) =>
        (await ApplicationRows.QueryAsync(
            connection, transaction, "a.event_id = @EventId AND a.user_id = @UserId AND a.status <> 'cancelled'", new { EventId = eventId, UserId = userId }, cancellationToken))
        .SingleOrDefault();
}
