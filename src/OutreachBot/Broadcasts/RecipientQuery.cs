using System.Globalization;
using System.Text;
using Dapper;
using OutreachBot.Storage;

namespace OutreachBot.Broadcasts;

/// <summary>
/// The SQL that selects a target's recipients: citizens who follow the account and have an open subscription to any
/// (or all) of the topics, optionally only some languages and districts. Used for the count before scheduling and for
/// the snapshot at fire time, so that both agree.
/// </summary>
/// <remarks>
/// The subscribers are read from the topic index first and joined to their citizens: asking each citizen in turn
/// whether a subscription exists cost SQLite three times as long for a million subscribers (1.9 s against 0.7 s).
/// </remarks>
public sealed record RecipientQuery(SqlDialect Dialect, IReadOnlyList<long> TopicIds, bool MatchAll, IReadOnlyList<string>? Languages, IReadOnlyList<string>? Districts)
{
    /// <summary>A <c>FROM ... WHERE ...</c> over the recipients, with the citizen aliased <c>c</c>.</summary>
    public (string FromWhere, DynamicParameters Parameters) Build()
    {
        var parameters = new DynamicParameters();
        parameters.Add("TopicIds", TopicIds.ToList());
        var matchAll = MatchAll && TopicIds.Count > 1;
        if (matchAll)
        {
            parameters.Add("TopicCount", TopicIds.Count);
        }

        var sql = new StringBuilder(
            $"""
            FROM (SELECT s.user_id FROM subscriptions s WHERE s.topic_id {Dialect.In("@TopicIds")} AND s.ended_at IS NULL
                  GROUP BY s.user_id{(matchAll ? " HAVING COUNT(DISTINCT s.topic_id) = @TopicCount" : "")}) m
            JOIN citizens c ON c.user_id = m.user_id
            WHERE c.following
            """);
        if (Languages is { Count: > 0 })
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND c.language {Dialect.In("@Languages")}");
            parameters.Add("Languages", Languages.ToList());
        }

        if (Districts is { Count: > 0 })
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND c.district {Dialect.In("@Districts")}");
            parameters.Add("Districts", Districts.ToList());
        }

        return (sql.ToString(), parameters);
    }
}
