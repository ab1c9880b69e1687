using System.Data.Common;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;

namespace OutreachBot.Profiles.CityLists;

/// <summary>
/// The city's lists for citizens' profiles, kept by staff: add, rename, retire and restore an entry, each change audited
/// in the same transaction. Renaming a district renames it on the profiles that have it (they hold its Japanese name).
/// </summary>
public sealed partial class CityListStore(Database database, AuditLog audit, TimeProvider time)
{
    public const string Added = "city_list.added";
    public const string Renamed = "city_list.renamed";
    public const string Retired = "city_list.retired";
    public const string Restored = "city_list.restored";

    public const int MaxNameLength = 40;

    public async Task<CityLists> ReadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        async Task<IReadOnlyList<CityEntry>> Read(string sql) =>
            [.. (await connection.QueryAsync<Row>(new CommandDefinition(sql, cancellationToken: cancellationToken))).Select(r => r.ToEntry())];
        return new CityLists(
            await Read("SELECT id, name, NULL AS slug, NULL AS AreaId, names, retired_at AS RetiredAt FROM city_areas ORDER BY id"),
            await Read("SELECT id, name, NULL AS slug, area_id AS AreaId, names, retired_at AS RetiredAt FROM city_districts ORDER BY area_id, id"),
            await Read("SELECT id, name, slug, NULL AS AreaId, names, retired_at AS RetiredAt FROM city_skills ORDER BY id"));
    }

    /// <summary>
    /// Adds an entry: <paramref name="key"/> is the skill's slug or the district's area id, unused for an area. Returns the
    /// error to show, or null.
    /// </summary>
    public async Task<Bilingual?> AddAsync(CityList list, string? name, IReadOnlyDictionary<string, string> names, string? key, StaffActor actor, CancellationToken cancellationToken)
    {
        if (NameError(name) is { } error)
        {
            return error;
        }

        var lists = await ReadAsync(cancellationToken);
        var parameters = new { Name = name!.Trim(), Names = NamesJson(names), Slug = key, AreaId = long.TryParse(key, out var areaId) ? areaId : 0 };
        string sql;
        switch (list)
        {
            case CityList.Skills when key is null || !SlugPattern().IsMatch(key):
                return new("スラッグは半角英小文字・数字・ハイフン（40文字以内）で入力してください。", "A slug of lower-case letters, digits and hyphens (at most 40).");
            case CityList.Skills when lists.Skill(key) is not null:
                return new($"スラッグ「{key}」はもうあります。", $"The slug '{key}' is taken.");
            case CityList.Skills:
                sql = "INSERT INTO city_skills (slug, name, names) VALUES (@Slug, @Name, @Names)";
                break;
            case CityList.Districts when lists.Areas.All(a => a.Id != parameters.AreaId):
                return new("地区を選んでください。", "Choose the area.");
            case CityList.Districts when lists.District(parameters.Name) is not null:
                return Taken(parameters.Name);
            case CityList.Districts:
                sql = "INSERT INTO city_districts (area_id, name, names) VALUES (@AreaId, @Name, @Names)";
                break;
            default:
                if (lists.Areas.Any(a => a.Name == parameters.Name))
                {
                    return Taken(parameters.Name);
                }

                sql = "INSERT INTO city_areas (name, names) VALUES (@Name, @Names)";
                break;
        }

        await ChangeAsync(actor, Added, list, parameters.Name, (connection, transaction) =>
            connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken)), cancellationToken);
        return null;
    }

    /// <summary>Gives entry <paramref name="id"/> new names; a district's profiles follow its new Japanese name.</summary>
    public async Task<Bilingual?> RenameAsync(CityList list, long id, string? name, IReadOnlyDictionary<string, string> names, StaffActor actor, CancellationToken cancellationToken)
    {
        if (NameError(name) is { } error)
        {
            return error;
        }

        var lists = await ReadAsync(cancellationToken);
        var entries = Of(lists, list);
        if (entries.FirstOrDefault(e => e.Id == id) is not { } entry)
        {
            return NotFound;
        }

        var newName = name!.Trim();
        if (list != CityList.Skills && entries.Any(e => e.Id != id && e.Name == newName))
        {
            return Taken(newName);
        }

        var parameters = new { Id = id, Name = newName, Names = NamesJson(names), Old = entry.Name };
        await ChangeAsync(actor, Renamed, list, $"{entry.Name} → {newName}", async (connection, transaction) =>
        {
            await connection.ExecuteAsync(new CommandDefinition($"UPDATE {Table(list)} SET name = @Name, names = @Names WHERE id = @Id", parameters, transaction, cancellationToken: cancellationToken));
            if (list == CityList.Districts)
            {
                await connection.ExecuteAsync(new CommandDefinition("UPDATE citizens SET district = @Name WHERE district = @Old", parameters, transaction, cancellationToken: cancellationToken));
            }
        }, cancellationToken);
        return null;
    }

    /// <summary>Retires entry <paramref name="id"/> (no longer offered; profiles keep it), or restores it.</summary>
    public async Task<Bilingual?> RetireAsync(CityList list, long id, bool retire, StaffActor actor, CancellationToken cancellationToken)
    {
        if (Of(await ReadAsync(cancellationToken), list).FirstOrDefault(e => e.Id == id) is not { } entry)
        {
            return NotFound;
        }

        var parameters = new { Id = id, At = retire ? time.GetUtcNow() : (DateTimeOffset?)null };
        await ChangeAsync(actor, retire ? Retired : Restored, list, entry.Name, (connection, transaction) =>
            connection.ExecuteAsync(new CommandDefinition($"UPDATE {Table(list)} SET retired_at = @At WHERE id = @Id", parameters, transaction, cancellationToken: cancellationToken)), cancellationToken);
        return null;
    }

    private static readonly Bilingual NotFound = new("その項目はありません。", "No such entry.");

    private static Bilingual Taken(string name) => new($"「{name}」はもうあります。", $"'{name}' is already on the list.");

    private static Bilingual? NameError(string? name) => string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength
        ? new($"名前（日本語、{MaxNameLength}文字以内）を入力してください。", $"A Japanese name of at most {MaxNameLength} characters is required.")
        : null;

    private static IReadOnlyList<CityEntry> Of(CityLists lists, CityList list) => list switch
    {
        CityList.Areas => lists.Areas,
        CityList.Districts => lists.Districts,
        _ => lists.Skills,
    };

    private static string Table(CityList list) => list switch
    {
        CityList.Areas => "city_areas",
        CityList.Districts => "city_districts",
        _ => "city_skills",
    };

    private static string? NamesJson(IReadOnlyDictionary<string, string> names)
    {
        var given = names.Where(n => n.Key != Languages.Japanese && Languages.IsSupported(n.Key) && !string.IsNullOrWhiteSpace(n.Value))
            .ToDictionary(n => n.Key, n => n.Value.Trim(), StringComparer.Ordinal);
        return given.Count == 0 ? null : JsonSerializer.Serialize(given);
    }

    private async Task ChangeAsync(StaffActor actor, string action, CityList list, string detail, Func<DbConnection, DbTransaction, Task> change, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await change(connection, transaction);
        await audit.WriteAsync(connection, transaction, actor, action, Table(list), detail, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex SlugPattern();

    private sealed record Row
    {
        public long Id { get; init; }

        public required string Name { get; init; }

        public string? Slug { get; init; }

        public long? AreaId { get; init; }

        public string? Names { get; init; }

        public DateTimeOffset? RetiredAt { get; init; }

        public CityEntry ToEntry() => new() { Id = Id, Name = Name, Slug = Slug, AreaId = AreaId, Names = CityEntry.ReadNames(Names), RetiredAt = RetiredAt };
    }
}
