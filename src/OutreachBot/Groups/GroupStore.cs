using System.Text.Encodings.Web;
using System.Text.Json;
using Dapper;

namespace OutreachBot.Groups;

/// <summary>Civic groups, their profiles (public and pending, each a JSON document with its logo) and the accounts that speak for them.</summary>
public sealed class GroupStore(Database database)
{
    /// <summary>Texts kept as written (not \u escapes), so stored profiles and field names read as they are.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private const string Columns =
        """
        id, name, contact_email AS ContactEmail, profile, pending_profile AS PendingProfile,
        (logo IS NOT NULL) AS HasLogo, (pending_logo IS NOT NULL) AS HasPendingLogo,
        approved_at AS ApprovedAt, pending_since AS PendingSince, confirmed_at AS ConfirmedAt, updated_at AS UpdatedAt
        """;

    public async Task<long> CreateAsync(string name, string contactEmail, DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.ExecuteScalarAsync<long>(
            """
            INSERT INTO civic_groups (name, contact_email, confirmed_at, created_at, updated_at)
            VALUES (@Name, @Email, @Now, @Now, @Now)
            RETURNING id
            """,
            new { Name = name, Email = contactEmail, Now = now }, cancellationToken);

    public async Task<CivicGroup?> FindAsync(long id, CancellationToken cancellationToken) =>
        (await LoadAsync("WHERE id = @Id", new { Id = id }, cancellationToken)).SingleOrDefault();

    /// <summary>Every group, those waiting for approval first, then by name.</summary>
    public Task<IReadOnlyList<CivicGroup>> ListAsync(CancellationToken cancellationToken) =>
        LoadAsync("ORDER BY CASE WHEN pending_since IS NULL THEN 1 ELSE 0 END, name", null, cancellationToken);

    /// <summary>The groups residents may see: those with an approved profile.</summary>
    public async Task<IReadOnlyList<CivicGroup>> ListPublicAsync(CancellationToken cancellationToken) =>
        [.. (await LoadAsync("WHERE profile IS NOT NULL ORDER BY name", null, cancellationToken))];

    /// <summary>The group a group account speaks for, or null for any other account.</summary>
    public async Task<long?> GroupOfAsync(long accountId, CancellationToken cancellationToken) =>
        await database.ExecuteScalarAsync<long?>(
            "SELECT group_id FROM group_accounts WHERE account_id = @Id", new { Id = accountId }, cancellationToken);

    public async Task LinkAccountAsync(long accountId, long groupId, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            "INSERT INTO group_accounts (account_id, group_id) VALUES (@AccountId, @GroupId)",
            new { AccountId = accountId, GroupId = groupId }, cancellationToken);

    /// <summary>Keeps <paramref name="profile"/> (and a new logo, when given) for an approver; what residents see stays until then.</summary>
    public async Task SavePendingAsync(long id, GroupProfile profile, GroupLogo? logo, DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            """
            UPDATE civic_groups
            SET pending_profile = @Profile, pending_since = COALESCE(pending_since, @Now), confirmed_at = @Now, updated_at = @Now,
                pending_logo = CASE WHEN @HasLogo THEN @Logo ELSE pending_logo END,
                pending_logo_type = CASE WHEN @HasLogo THEN @LogoType ELSE pending_logo_type END
            WHERE id = @Id
            """,
            new { Id = id, Profile = JsonSerializer.Serialize(profile, Json), HasLogo = logo is not null, Logo = logo?.Bytes, LogoType = logo?.ContentType, Now = now },
            cancellationToken);

    /// <summary>Makes the pending profile (and logo) the public one; false when nothing was pending.</summary>
    public async Task<bool> ApproveAsync(long id, DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            """
            UPDATE civic_groups
            SET profile = pending_profile, name = @NameFromProfile, approved_at = @Now, updated_at = @Now,
                logo = COALESCE(pending_logo, logo), logo_type = COALESCE(pending_logo_type, logo_type),
                pending_profile = NULL, pending_logo = NULL, pending_logo_type = NULL, pending_since = NULL
            WHERE id = @Id AND pending_profile IS NOT NULL
            """,
            new { Id = id, NameFromProfile = await PendingNameAsync(id, cancellationToken), Now = now }, cancellationToken) == 1;

    /// <summary>Publishes <paramref name="profile"/> at once (staff writing it themselves), with a new logo when given.</summary>
    public async Task<bool> PublishAsync(long id, GroupProfile profile, GroupLogo? logo, DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            """
            UPDATE civic_groups
            SET profile = @Profile, name = @Name, approved_at = @Now, updated_at = @Now,
                logo = CASE WHEN @HasLogo THEN @Logo ELSE logo END, logo_type = CASE WHEN @HasLogo THEN @LogoType ELSE logo_type END,
                pending_profile = NULL, pending_logo = NULL, pending_logo_type = NULL, pending_since = NULL
            WHERE id = @Id
            """,
            new { Id = id, Profile = JsonSerializer.Serialize(profile, Json), profile.Name, HasLogo = logo is not null, Logo = logo?.Bytes, LogoType = logo?.ContentType, Now = now },
            cancellationToken) == 1;

    /// <summary>The public logo, or with <paramref name="pending"/> the one waiting for approval.</summary>
    public async Task<GroupLogo?> LogoAsync(long id, bool pending, CancellationToken cancellationToken)
    {
        var row = await database.QuerySingleOrDefaultAsync<LogoRow>(
            pending
                ? "SELECT pending_logo AS Bytes, pending_logo_type AS ContentType FROM civic_groups WHERE id = @Id AND pending_logo IS NOT NULL"
                : "SELECT logo AS Bytes, logo_type AS ContentType FROM civic_groups WHERE id = @Id AND logo IS NOT NULL AND profile IS NOT NULL",
            new { Id = id }, cancellationToken);
        return row is { Bytes: not null, ContentType: not null } ? new GroupLogo(row.Bytes, row.ContentType) : null;
    }

    private async Task<string?> PendingNameAsync(long id, CancellationToken cancellationToken) =>
        (await FindAsync(id, cancellationToken))?.Pending?.Name;

    private async Task<IReadOnlyList<CivicGroup>> LoadAsync(string rest, object? parameters, CancellationToken cancellationToken)
    {
        var rows = await database.QueryAsync<GroupRow>($"SELECT {Columns} FROM civic_groups {rest}", parameters, cancellationToken);
        return [.. rows.Select(r => new CivicGroup(
            r.Id, r.Name, r.ContactEmail, Read(r.Profile), Read(r.PendingProfile), r.HasLogo, r.HasPendingLogo,
            r.ApprovedAt, r.PendingSince, r.ConfirmedAt, r.UpdatedAt))];
    }

    private static GroupProfile? Read(string? json) => json is null ? null : JsonSerializer.Deserialize<GroupProfile>(json, Json);

    private sealed class GroupRow
    {
        public long Id { get; init; }

        public string Name { get; init; } = "";

        public string ContactEmail { get; init; } = "";

        public string? Profile { get; init; }

        public string? PendingProfile { get; init; }

        public bool HasLogo { get; init; }

        public bool HasPendingLogo { get; init; }

        public DateTimeOffset? ApprovedAt { get; init; }

        public DateTimeOffset? PendingSince { get; init; }

        public DateTimeOffset ConfirmedAt { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }
    }

    private sealed class LogoRow
    {
        public byte[]? Bytes { get; init; }

        public string? ContentType { get; init; }
    }
}
