using System.Globalization;
using System.Text;
using Dapper;

namespace OutreachBot.Broadcasts.Targeting;

/// <summary>
/// The SQL that selects a target's recipients: citizens who follow the account and have an open subscription to any
/// (or all) of the topics, optionally only some languages, districts and profiles. Used for the count before scheduling and for
/// the snapshot at fire time, so that both agree.
/// </summary>
/// <remarks>
/// The subscribers are read from the topic index first and joined to their citizens: asking each citizen in turn
/// whether a subscription exists cost SQLite three times as long for a million subscribers (1.9 s against 0.7 s).
/// One topic is a plain join, so that its rows come in the index's user id order as they are read: the snapshot commits
/// them in chunks while they stream, and resumes after the last user id it committed. Several topics group first.
/// </remarks>
public sealed record RecipientQuery(SqlDialect Dialect, IReadOnlyList<long> TopicIds, bool MatchAll, IReadOnlyList<string>? Languages, IReadOnlyList<string>? Districts)
{
    /// <summary>Every follower whatever their topics (<c>{"all": true}</c>), then only <see cref="Drill"/> when it is given.</summary>
    public bool Everyone { get; init; }

    /// <summary>A drill's audience: the LINE user ids an everyone target reaches during a drill.</summary>
    public IReadOnlyList<string>? Drill { get; init; }

    /// <summary>The target's profile filters, with the ids of its skills.</summary>
    public (Profiles.ProfileFilter Filter, IReadOnlyList<long> SkillIds)? Profile { get; init; }

    /// <summary>The column the recipients stream in order of.</summary>
    public string OrderKey => Everyone ? "c.user_id" : "s.user_id";

    /// <summary>
    /// A <c>FROM ... WHERE ...</c> over the recipients, with the citizen aliased <c>c</c> and the subscriber <c>s</c>
    /// (<c>s.user_id</c> is the order to stream in); only user ids after <paramref name="after"/> when it is given.
    /// </summary>
    public (string FromWhere, DynamicParameters Parameters) Build(string? after = null)
    {
        var parameters = new DynamicParameters();
        var afterClause = after is null ? "" : $" AND {OrderKey} > @After";
        if (after is not null)
        {
            parameters.Add("After", after);
        }

        var citizens = $"citizens c {Dialect.IndexedBy("ix_citizens_recipient")} ON c.user_id = s.user_id";
        var sql = new StringBuilder();
        if (Everyone)
        {
            sql.Append(CultureInfo.InvariantCulture, $"FROM citizens c {Dialect.IndexedBy("ix_citizens_recipient")} WHERE c.following{afterClause}{DrillClause(parameters)}");
        }
        else if (TopicIds.Count == 1)
        {
            parameters.Add("TopicId", TopicIds[0]);
            sql.Append(CultureInfo.InvariantCulture, $"FROM subscriptions s JOIN {citizens} WHERE s.topic_id = @TopicId AND s.ended_at IS NULL{afterClause} AND c.following");
        }
        else
        {
            var matchAll = MatchAll && TopicIds.Count > 1;
            parameters.Add("TopicIds", TopicIds.ToList());
            if (matchAll)
            {
                parameters.Add("TopicCount", TopicIds.Count);
            }

            sql.Append(CultureInfo.InvariantCulture, $"""
                FROM (SELECT s.user_id FROM subscriptions s WHERE s.topic_id {Dialect.In("@TopicIds")} AND s.ended_at IS NULL{afterClause}
                      GROUP BY s.user_id{(matchAll ? " HAVING COUNT(DISTINCT s.topic_id) = @TopicCount" : "")}) s
                JOIN {citizens}
                WHERE c.following
                """);
        }

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

        if (Profile is var (filter, skillIds))
        {
            sql.Append(filter.Where(Dialect, skillIds, parameters));
        }

        return (sql.ToString(), parameters);
    }

    /// <summary>At least as many as the recipients, counted from the topic index alone: every open subscription of the topics.</summary>
    public (string Sql, DynamicParameters Parameters) UpperBound()
    {
        var parameters = new DynamicParameters();
        if (Everyone)
        {
            return ($"SELECT COUNT(*) FROM citizens c WHERE c.following{DrillClause(parameters)}", parameters);
        }

        parameters.Add("TopicIds", TopicIds.ToList());
        return ($"SELECT COUNT(*) FROM subscriptions WHERE topic_id {Dialect.In("@TopicIds")} AND ended_at IS NULL", parameters);
    }

    private string DrillClause(DynamicParameters parameters)
    {
        if (Drill is null)
        {
            return "";
        }

        parameters.Add("Drill", Drill.ToList());
        return $" AND c.user_id {Dialect.In("@Drill")}";
    }
}
