using System.Globalization;
using System.Text;
using System.Text.Json;
using Dapper;

namespace OutreachBot.Profiles;

/// <summary>
/// A broadcast target's profile filters: citizens in any of the age bands, with any of the skills, free on any of the
/// days; an empty list asks nothing. E-mail subscribers have no profile, so a target with one goes by LINE and the web.
/// </summary>
public sealed record ProfileFilter(IReadOnlyList<string> AgeBands, IReadOnlyList<string> Skills, IReadOnlyList<string> FreeDays)
{
    /// <summary>Null when every list is empty: no filter.</summary>
    public static ProfileFilter? Of(IReadOnlyList<string>? ageBands, IReadOnlyList<string>? skills, IReadOnlyList<string>? freeDays) =>
        ageBands is { Count: > 0 } || skills is { Count: > 0 } || freeDays is { Count: > 0 }
            ? new ProfileFilter([.. (ageBands ?? []).Distinct()], [.. (skills ?? []).Distinct()], [.. (freeDays ?? []).Distinct()])
            : null;

    public string ToJson() => JsonSerializer.Serialize(new Stored(AgeBands, Skills, FreeDays));

    public static ProfileFilter? FromJson(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<Stored>(json) is { } s ? Of(s.AgeBands, s.Skills, s.FreeDays) : null;

    /// <summary>
    /// The conditions on the citizen <c>c</c> to append to a recipient query's WHERE, <paramref name="skillIds"/> being
    /// the skills' ids (a skill no longer on the list reaches nobody).
    /// </summary>
    public string Where(SqlDialect dialect, IReadOnlyList<long> skillIds, DynamicParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(parameters);
        var sql = new StringBuilder();
        if (AgeBands.Count > 0)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND c.age_band {dialect.In("@AgeBands")}");
            parameters.Add("AgeBands", AgeBands.ToList());
        }

        if (Skills.Count > 0)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND EXISTS (SELECT 1 FROM citizen_skills cs WHERE cs.user_id = c.user_id AND cs.skill_id {dialect.In("@SkillIds")})");
            parameters.Add("SkillIds", skillIds.ToList());
        }

        if (FreeDays.Count > 0)
        {
            sql.Append(" AND (c.free_days & @FreeDays) <> 0");
            parameters.Add("FreeDays", ProfileChoices.DayBits(FreeDays));
        }

        return sql.ToString();
    }

    private sealed record Stored(IReadOnlyList<string>? AgeBands, IReadOnlyList<string>? Skills, IReadOnlyList<string>? FreeDays);
}
