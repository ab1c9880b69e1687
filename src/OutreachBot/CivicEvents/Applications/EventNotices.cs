using System.Data.Common;
using Dapper;

namespace OutreachBot.CivicEvents.Applications;

/// <summary>Notices owed to applicants, written in the transaction that makes them due.</summary>
internal static class EventNotices
{
    /// <summary>
    /// Owes a notice of <paramref name="kind"/> (<c>moved_up</c>, <c>cancelled</c>, <c>moved</c>) to each application
    /// that <paramref name="where"/> selects (alias <c>a</c>) and that someone can be told of: a LINE applicant by push,
    /// a web applicant by mail (their request, found by the application's request key <c>web:&lt;id&gt;</c>); staff-entered
    /// ones have nobody to tell. <paramref name="urgent"/> lets it go out in quiet hours. Returns how many are owed.
    /// </summary>
    public static Task<int> AddAsync(
        DbConnection connection, DbTransaction transaction, string kind, bool urgent, DateTimeOffset now, string where, object parameters, CancellationToken cancellationToken)
    {
        var arguments = new DynamicParameters(parameters);
        arguments.AddDynamicParams(new { Kind = kind, Urgent = urgent, Now = now });
        return connection.ExecuteAsync(new CommandDefinition(
            $"""
             INSERT INTO event_notices (event_id, user_id, web_request_id, kind, number, urgent, due_at)
             SELECT a.event_id, a.user_id, CASE WHEN a.user_id IS NULL THEN w.id END, @Kind, a.number, @Urgent, @Now
             FROM event_applications a LEFT JOIN event_web_requests w ON w.event_id = a.event_id AND a.request_key = 'web:' || w.id
             WHERE ({where}) AND (a.user_id IS NOT NULL OR w.id IS NOT NULL)
             """,
            arguments,
            transaction,
            cancellationToken: cancellationToken));
    }
}
