using System.Data.Common;
using Dapper;

namespace OutreachBot.Profiles;

/// <summary>What a citizen told the office about themselves, after consenting; nothing is stored before the consent.</summary>
public sealed record ProfileAnswers(DateTimeOffset? ConsentedAt, string? District, string? AgeBand, IReadOnlyList<string> FreeDays, IReadOnlySet<long> SkillIds)
{
    public static readonly ProfileAnswers None = new(null, null, null, [], new HashSet<long>());
}

/// <summary>
/// Citizens' profiles on their row in <c>citizens</c> (district, age band, free days, consent time) and in
/// <c>citizen_skills</c>. Every change but the consent waits for it: an answer without consent changes nothing.
/// </summary>
public sealed class ProfileStore(Database database)
{
    private const string Consented = "profile_consented_at IS NOT NULL";

    public async Task<ProfileAnswers> ReadAsync(string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            "SELECT profile_consented_at AS ConsentedAt, district, age_band AS AgeBand, free_days AS FreeDays FROM citizens WHERE user_id = @UserId",
            new { UserId = userId }, cancellationToken: cancellationToken));
        if (row?.ConsentedAt is null)
        {
            return ProfileAnswers.None;
        }

        var skills = await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT skill_id FROM citizen_skills WHERE user_id = @UserId", new { UserId = userId }, cancellationToken: cancellationToken));
        return new ProfileAnswers(row.ConsentedAt, row.District, row.AgeBand, ProfileChoices.DaysOf((int?)row.FreeDays), skills.ToHashSet());
    }

    /// <summary>The consent, recorded once: a second tap keeps the first time.</summary>
    public Task ConsentAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            "UPDATE citizens SET profile_consented_at = @Now, updated_at = @Now WHERE user_id = @UserId AND profile_consented_at IS NULL",
            new { UserId = userId, Now = now }, cancellationToken);

    public Task SetDistrictAsync(string userId, string district, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            $"UPDATE citizens SET district = @District, updated_at = @Now WHERE user_id = @UserId AND {Consented}",
            new { UserId = userId, District = district, Now = now }, cancellationToken);

    public Task SetAgeBandAsync(string userId, string? ageBand, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            $"UPDATE citizens SET age_band = @AgeBand, updated_at = @Now WHERE user_id = @UserId AND {Consented}",
            new { UserId = userId, AgeBand = ageBand, Now = now }, cancellationToken);

    public Task MarkDayAsync(string userId, string day, bool on, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            $"UPDATE citizens SET free_days = {(on ? "COALESCE(free_days, 0) | @Bit" : "COALESCE(free_days, 0) & ~@Bit")}, updated_at = @Now WHERE user_id = @UserId AND {Consented}",
            new { UserId = userId, Bit = ProfileChoices.DayBit(day), Now = now }, cancellationToken);

    public async Task MarkSkillAsync(string userId, long skillId, bool on, CancellationToken cancellationToken)
    {
        var sql = on
            ? $"INSERT INTO citizen_skills (user_id, skill_id) SELECT user_id, @SkillId FROM citizens WHERE user_id = @UserId AND {Consented} ON CONFLICT DO NOTHING"
            : "DELETE FROM citizen_skills WHERE user_id = @UserId AND skill_id = @SkillId";
        await database.ExecuteAsync(sql, new { UserId = userId, SkillId = skillId }, cancellationToken);
    }

    /// <summary>Erases the profile and the consent: the citizen is asked again before anything is stored anew.</summary>
    public async Task EraseAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await EraseAsync(connection, transaction, userId, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The same within the caller's transaction (the erasure of all a citizen's data).</summary>
    public static async Task EraseAsync(DbConnection connection, DbTransaction transaction, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = new { UserId = userId, Now = now };
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM citizen_skills WHERE user_id = @UserId", ids, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE citizens SET district = NULL, age_band = NULL, free_days = NULL, profile_consented_at = NULL, updated_at = @Now WHERE user_id = @UserId",
            ids, transaction, cancellationToken: cancellationToken));
    }

    private sealed record Row
    {
        public DateTimeOffset? ConsentedAt { get; init; }

        public string? District { get; init; }

        public string? AgeBand { get; init; }

        public long? FreeDays { get; init; }
    }
}

/// <summary>A consented profile as the citizen and staff read it, the district and skills with their names.</summary>
public sealed record HeldProfile(DateTimeOffset ConsentedAt, CityLists.CityEntry? District, string? AgeBand, IReadOnlyList<CityLists.CityEntry> Skills, IReadOnlyList<string> FreeDays)
{
    /// <summary>Null when the citizen has not consented (and so has no profile).</summary>
    public static HeldProfile? Of(ProfileAnswers answers, CityLists.CityLists lists)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(lists);
        return answers.ConsentedAt is { } at
            ? new HeldProfile(at, DistrictOf(answers.District, lists), answers.AgeBand, [.. lists.Skills.Where(s => answers.SkillIds.Contains(s.Id))], answers.FreeDays)
            : null;
    }

    /// <summary>The district's entry; one set before the list had it (only its Japanese name) stands as that name.</summary>
    private static CityLists.CityEntry? DistrictOf(string? name, CityLists.CityLists lists) =>
        name is null ? null : lists.District(name) ?? new CityLists.CityEntry { Name = name };
}
