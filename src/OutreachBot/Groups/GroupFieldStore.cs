using System.Text.Json;
using static OutreachBot.Groups.GroupStore;

namespace OutreachBot.Groups;

/// <summary>A field of activity (福祉, 環境...) from staff's list, named per language.</summary>
public sealed record GroupField(long Id, IReadOnlyDictionary<string, string> Names, int Position, bool Archived)
{
    public string NameIn(string language) =>
        TextCatalog.FallbackChain(language).Select(l => Names.GetValueOrDefault(l)).FirstOrDefault(n => n is not null) ?? Names[Languages.Japanese];
}

/// <summary>Staff's list of fields of activity: groups choose from it, residents filter by it.</summary>
public sealed class GroupFieldStore(Database database)
{
    public async Task<IReadOnlyList<GroupField>> ListAsync(bool includeArchived, CancellationToken cancellationToken)
    {
        var rows = await database.QueryAsync<FieldRow>(
            "SELECT id, names, position, archived FROM group_fields WHERE archived = @No OR @All ORDER BY position, id",
            new { No = false, All = includeArchived }, cancellationToken);
        return [.. rows.Select(r => new GroupField(r.Id, JsonSerializer.Deserialize<Dictionary<string, string>>(r.Names, Json)!, r.Position, r.Archived))];
    }

    public async Task<IReadOnlySet<long>> InUseAsync(CancellationToken cancellationToken) =>
        (await ListAsync(includeArchived: false, cancellationToken)).Select(f => f.Id).ToHashSet();

    public async Task<long> AddAsync(IReadOnlyDictionary<string, string> names, CancellationToken cancellationToken) =>
        await database.ExecuteScalarAsync<long>(
            """
            INSERT INTO group_fields (names, position, archived)
            VALUES (@Names, (SELECT COALESCE(MAX(position), 0) + 1 FROM group_fields), @No)
            RETURNING id
            """,
            new { Names = JsonSerializer.Serialize(names, Json), No = false }, cancellationToken);

    public async Task<bool> RenameAsync(long id, IReadOnlyDictionary<string, string> names, bool archived, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            "UPDATE group_fields SET names = @Names, archived = @Archived WHERE id = @Id",
            new { Id = id, Names = JsonSerializer.Serialize(names, Json), Archived = archived }, cancellationToken) == 1;

    private sealed class FieldRow
    {
        public long Id { get; init; }

        public string Names { get; init; } = "";

        public int Position { get; init; }

        public bool Archived { get; init; }
    }
}
