using System.Data.Common;
using System.Globalization;
using System.Text;
using Dapper;
using OutreachBot.Storage;

namespace OutreachBot.Broadcasts.MailDelivery;

/// <summary>
/// A run's e-mail recipients, written into the ledger in the same transaction that creates the run: confirmed
/// subscribers with an open subscription to any (or all) of the target's topics, optionally only some languages.
/// A second firing of the same occurrence finds the run and adds nobody; the unique (run, subscriber) would refuse
/// anyone twice besides. Mail lists are small beside LINE's (a city's mail magazine counts tens to thousands), so one
/// INSERT ... SELECT takes them all at once; 100,000 take well under a second.
/// </summary>
public static class MailSnapshot
{
    /// <summary>Whether a target can go by e-mail: mail subscribers have no district or profile and ask for no reminders.</summary>
    public static bool Reaches(BroadcastTarget target) => target.ReminderEventId is null && target.Districts is not { Count: > 0 } && target.Profile is null;

    public static async Task<long> TakeAsync(
        DbConnection connection, DbTransaction transaction, SqlDialect dialect, long runId, BroadcastTarget target, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!Reaches(target) || target.Topics.Count == 0)
        {
            return 0;
        }

        var parameters = new DynamicParameters(new { RunId = runId, Now = now, Slugs = target.Topics.ToList() });
        var matchAll = target.MatchAll && target.Topics.Count > 1;
        var sql = new StringBuilder().Append(CultureInfo.InvariantCulture, $"""
            INSERT INTO mail_deliveries (run_id, subscriber_id, state, next_attempt_at)
            SELECT @RunId, m.id, 'pending', @Now
            FROM mail_subscribers m
            WHERE m.status = 'confirmed' AND m.address IS NOT NULL
              AND m.id IN (SELECT s.subscriber_id FROM mail_subscriptions s JOIN topics t ON t.id = s.topic_id
                           WHERE t.slug {dialect.In("@Slugs")} AND s.ended_at IS NULL
                           GROUP BY s.subscriber_id{(matchAll ? " HAVING COUNT(DISTINCT s.topic_id) = @TopicCount" : "")})
            """);
        if (matchAll)
        {
            parameters.Add("TopicCount", target.Topics.Count);
        }

        if (target.Languages is { Count: > 0 } languages)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND m.language {dialect.In("@Languages")}");
            parameters.Add("Languages", languages.ToList());
        }

        sql.Append(" ON CONFLICT (run_id, subscriber_id) DO NOTHING");
        return await connection.ExecuteAsync(new CommandDefinition(sql.ToString(), parameters, transaction, cancellationToken: cancellationToken));
    }
}
