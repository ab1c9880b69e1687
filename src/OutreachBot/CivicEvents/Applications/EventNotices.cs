using System.Data.Common;
using Dapper;

namespace OutreachBot.CivicEvents.Applications;

/// <summary>A push owed to an applicant, written in the transaction that makes it due.</summary>
/// <param name="Kind"><c>moved_up</c>, <c>cancelled</c>, <c>moved</c> or <c>thanks</c>.</param>
/// <param name="Urgent">Goes out even in quiet hours (an event cancelled on its day).</param>
internal sealed record NewNotice(long EventId, string UserId, string Kind, long? Number, DateTimeOffset DueAt, bool Urgent, string? Detail = null);

internal static class EventNotices
{
    public static Task AddAsync(DbConnection connection, DbTransaction transaction, NewNotice notice, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO event_notices (event_id, user_id, kind, number, detail, urgent, due_at)
            VALUES (@EventId, @UserId, @Kind, @Number, @Detail, @Urgent, @DueAt)
            """,
            notice,
            transaction,
            cancellationToken: cancellationToken));
}
