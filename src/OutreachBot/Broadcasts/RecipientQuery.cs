using System.Text;
using Dapper;
using OutreachBot.Storage;

namespace OutreachBot.Broadcasts;

/// <summary>
/// The SQL that selects a target's recipients: citizens who follow the account and have an open subscription to any
/// (or all) of the topics, optionally only some languages and districts. Used for the count before scheduling and for
/// the snapshot at fire time, so that both agree.
/// </summary>
public sealed record RecipientQuery(SqlDialect Dialect, IReadOnlyList<long> TopicIds, bool MatchAll, IReadOnlyList<string>? Languages, IReadOnlyList<string>? Districts)
{
    public (string Where, DynamicParameters Parameters) Build()
    {
        var where = new StringBuilder("c.following");
        var parameters = new DynamicParameters();
        parameters.Add("TopicIds", TopicIds.ToList());
        if (TopicIds.Count == 0)
        {
            where.Append(" AND 1 = 0");
        }
        else if (MatchAll && TopicIds.Count > 1)
        {
            where.Append(System.Globalization.CultureInfo.InvariantCulture, $" AND (SELECT COUNT(DISTINCT s.topic_id) FROM subscriptions s WHERE s.user_id = c.user_id AND s.ended_at IS NULL AND s.topic_id {Dialect.In("@TopicIds")}) = @TopicCount");
            parameters.Add("TopicCount", TopicIds.Count);
        }
        else
        {
            where.Append(System.Globalization.CultureInfo.InvariantCulture, $" AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.user_id = c.user_id AND s.ended_at IS NULL AND s.topic_id {Dialect.In("@TopicIds")})");
        }

        if (Languages is { Count: > 0 })
        {
            where.Append(System.Globalization.CultureInfo.InvariantCulture, $" AND c.language {Dialect.In("@Languages")}");
            parameters.Add("Languages", Languages.ToList());
        }

        if (Districts is { Count: > 0 })
        {
            where.Append(System.Globalization.CultureInfo.InvariantCulture, $" AND c.district {Dialect.In("@Districts")}");
            parameters.Add("Districts", Districts.ToList());
        }

        return (where.ToString(), parameters);
    }
}
