using System.Text.Json;

namespace OutreachBot.Disaster.Shelters;

/// <summary>The shelters in the database: staff's list, and the open ones the chat shows.</summary>
public sealed class ShelterStore(Database database)
{
    private const string Columns = """
        SELECT id AS Id, names AS Names, address AS Address, latitude AS Latitude, longitude AS Longitude, kind AS Kind,
               capacity AS Capacity, is_open AS Open, updated_at AS UpdatedAt
        FROM shelters
        """;

    public async Task<long> CreateAsync(ShelterDraft draft, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await database.ExecuteScalarAsync<long>(
            """
            INSERT INTO shelters (names, address, latitude, longitude, kind, capacity, is_open, created_at, updated_at)
            VALUES (@Names, @Address, @Latitude, @Longitude, @Kind, @Capacity, @Open, @Now, @Now)
            RETURNING id
            """,
            Parameters(draft, now),
            cancellationToken));

    /// <summary>False when there is no such shelter.</summary>
    public async Task<bool> UpdateAsync(long id, ShelterDraft draft, DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            """
            UPDATE shelters SET names = @Names, address = @Address, latitude = @Latitude, longitude = @Longitude, kind = @Kind,
                capacity = @Capacity, is_open = @Open, updated_at = @Now
            WHERE id = @Id
            """,
            Parameters(draft, now, id),
            cancellationToken) == 1;

    /// <summary>Opens or closes it (staff during the disaster); false when there is no such shelter.</summary>
    public async Task<bool> SetOpenAsync(long id, bool open, DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            "UPDATE shelters SET is_open = @Open, updated_at = @Now WHERE id = @Id", new { Id = id, Open = open, Now = now }, cancellationToken) == 1;

    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken) =>
        await database.ExecuteAsync("DELETE FROM shelters WHERE id = @Id", new { Id = id }, cancellationToken) == 1;

    public async Task<IReadOnlyList<Shelter>> ListAsync(CancellationToken cancellationToken) =>
        Read(await database.QueryAsync<Row>($"{Columns} ORDER BY id", null, cancellationToken));

    public async Task<IReadOnlyList<Shelter>> ListOpenAsync(CancellationToken cancellationToken) =>
        Read(await database.QueryAsync<Row>($"{Columns} WHERE is_open ORDER BY id", null, cancellationToken));

    public async Task<Shelter?> FindAsync(long id, CancellationToken cancellationToken) =>
        Read(await database.QueryAsync<Row>($"{Columns} WHERE id = @Id", new { Id = id }, cancellationToken)).SingleOrDefault();

    private static object Parameters(ShelterDraft draft, DateTimeOffset now, long id = 0) => new
    {
        Id = id,
        Names = JsonSerializer.Serialize(draft.Names),
        draft.Address,
        draft.Latitude,
        draft.Longitude,
        draft.Kind,
        draft.Capacity,
        draft.Open,
        Now = now,
    };

    private static List<Shelter> Read(IEnumerable<Row> rows) => [.. rows.Select(r => new Shelter
    {
        Id = r.Id,
        Names = JsonSerializer.Deserialize<Dictionary<string, string>>(r.Names)!,
        Address = r.Address,
        Latitude = r.Latitude,
        Longitude = r.Longitude,
        Kind = r.Kind,
        Capacity = r.Capacity,
        Open = r.Open,
        UpdatedAt = r.UpdatedAt,
    })];

    private sealed record Row
    {
        public long Id { get; init; }

        public required string Names { get; init; }

        public required string Address { get; init; }

        public double Latitude { get; init; }

        public double Longitude { get; init; }

        public required string Kind { get; init; }

        public int? Capacity { get; init; }

        public bool Open { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }
    }
}
