using System.Data.Common;
using Dapper;

namespace OutreachBot.CivicEvents.Applications;

/// <summary>
/// A confirmed applicant is asked to be reminded, in the transaction that confirms them, so that the event's reminder
/// (リマインド) reaches every confirmed applicant; cancelling the application withdraws it.
/// </summary>
internal static class ApplicantReminders
{
    public static Task AddAsync(DbConnection connection, DbTransaction transaction, long eventId, string? userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        userId is null
            ? Task.CompletedTask
            : connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO event_reminders (event_id, user_id, requested_at)
                SELECT @EventId, user_id, @Now FROM citizens WHERE user_id = @UserId
                ON CONFLICT (event_id, user_id) WHERE cancelled_at IS NULL DO NOTHING
                """,
                new { EventId = eventId, UserId = userId, Now = now },
                transaction,
                cancellationToken: cancellationToken));

    public static Task WithdrawAsync(DbConnection connection, DbTransaction transaction, long eventId, string? userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        userId is null
            ? Task.CompletedTask
            : connection.ExecuteAsync(new CommandDefinition(
                "UPDATE event_reminders SET cancelled_at = @Now WHERE event_id = @EventId AND user_id = @UserId AND cancelled_at IS NULL",
                new { EventId = eventId, UserId = userId, Now = now },
                transaction,
                cancellationToken: cancellationToken));
}
