using System.Text.Json;

namespace OutreachBot.Disaster.Templates;

/// <summary>The disaster templates in the database.</summary>
public sealed class DisasterTemplateStore(Database database)
{
    private const string Columns = "SELECT id AS Id, name AS Name, texts AS Texts, updated_at AS UpdatedAt FROM disaster_templates";

    public async Task<long> CreateAsync(DisasterTemplateDraft draft, DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.ExecuteScalarAsync<long>(
            "INSERT INTO disaster_templates (name, texts, created_at, updated_at) VALUES (@Name, @Texts, @Now, @Now) RETURNING id",
            Parameters(draft, now),
            cancellationToken);

    /// <summary>False when there is no such template.</summary>
    public async Task<bool> UpdateAsync(long id, DisasterTemplateDraft draft, DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            "UPDATE disaster_templates SET name = @Name, texts = @Texts, updated_at = @Now WHERE id = @Id", Parameters(draft, now, id), cancellationToken) == 1;

    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken) =>
        await database.ExecuteAsync("DELETE FROM disaster_templates WHERE id = @Id", new { Id = id }, cancellationToken) == 1;

    public async Task<IReadOnlyList<DisasterTemplate>> ListAsync(CancellationToken cancellationToken) =>
        Read(await database.QueryAsync<Row>($"{Columns} ORDER BY id", null, cancellationToken));

    public async Task<DisasterTemplate?> FindAsync(long id, CancellationToken cancellationToken) =>
        Read(await database.QueryAsync<Row>($"{Columns} WHERE id = @Id", new { Id = id }, cancellationToken)).SingleOrDefault();

    private static object Parameters(DisasterTemplateDraft draft, DateTimeOffset now, long id = 0) =>
        new { Id = id, draft.Name, Texts = JsonSerializer.Serialize(draft.Texts), Now = now };

    private static List<DisasterTemplate> Read(IEnumerable<Row> rows) => [.. rows.Select(r => new DisasterTemplate
    {
        Id = r.Id,
        Name = r.Name,
        Texts = JsonSerializer.Deserialize<Dictionary<string, TemplateText>>(r.Texts)!,
        UpdatedAt = r.UpdatedAt,
    })];

    private sealed record Row
    {
        public long Id { get; init; }

        public required string Name { get; init; }

        public required string Texts { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }
    }
}
