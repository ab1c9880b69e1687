using System.Data.Common;
using Dapper;

namespace OutreachBot.Disaster;

/// <summary>The rows of <c>disaster_switches</c>: switches asked, confirmed, and the rich menu switch each one led to.</summary>
public sealed class DisasterSwitchStore(Database database)
{
    private const string Columns = """
        id AS Id, active AS Active, drill AS Drill, drill_audience AS Audience, reason AS Reason, requested_by AS RequestedBy,
        requested_at AS RequestedAt, confirmed_by AS ConfirmedBy, confirm_reason AS ConfirmReason, confirmed_at AS ConfirmedAt,
        menus_done_at AS MenusDoneAt, menus_outcome AS MenusOutcome
        """;

    /// <summary>The latest confirmed switch, and a later one still waiting within <paramref name="confirmWithin"/>.</summary>
    public async Task<DisasterModeView> ReadAsync(
        DbConnection connection, DbTransaction? transaction, DateTimeOffset now, TimeSpan confirmWithin, CancellationToken cancellationToken)
    {
        var current = await OneAsync(
            connection, transaction, "confirmed_at IS NOT NULL ORDER BY confirmed_at DESC, id DESC", new { }, cancellationToken);
        var pending = await OneAsync(
            connection, transaction, "confirmed_at IS NULL AND id > @After AND requested_at > @Since ORDER BY id DESC",
            new { After = current?.Id ?? 0, Since = now - confirmWithin }, cancellationToken);
        return new DisasterModeView(current, pending);
    }

    public async Task<DisasterModeView> ReadAsync(DateTimeOffset now, TimeSpan confirmWithin, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadAsync(connection, null, now, confirmWithin, cancellationToken);
    }

    public Task<long> InsertAsync(
        DbConnection connection, DbTransaction transaction, DisasterSwitch asked, bool confirmed, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO disaster_switches (active, drill, drill_audience, reason, requested_by, requested_at, confirmed_by, confirm_reason, confirmed_at)
            VALUES (@Active, @Drill, @Audience, @Reason, @RequestedBy, @RequestedAt,
                    CASE WHEN @Confirmed THEN @RequestedBy END, CASE WHEN @Confirmed THEN @Reason END, CASE WHEN @Confirmed THEN @RequestedAt END)
            RETURNING id
            """,
            new
            {
                asked.Active, asked.Drill, Audience = string.Join('\n', asked.DrillAudience), asked.Reason, asked.RequestedBy, asked.RequestedAt,
                Confirmed = confirmed,
            },
            transaction,
            cancellationToken: cancellationToken));

    public Task ConfirmAsync(
        DbConnection connection, DbTransaction transaction, long id, string confirmedBy, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE disaster_switches SET confirmed_by = @ConfirmedBy, confirm_reason = @Reason, confirmed_at = @Now WHERE id = @Id AND confirmed_at IS NULL",
            new { Id = id, ConfirmedBy = confirmedBy, Reason = reason, Now = now },
            transaction,
            cancellationToken: cancellationToken));

    /// <summary>
    /// Takes the switch of everyone's menus for the switch in force, when it is not done and no live instance holds it:
    /// null when there is nothing to do or another instance does it.
    /// </summary>
    public async Task<DisasterSwitch?> ClaimMenusAsync(string instance, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (await OneAsync(connection, null, "confirmed_at IS NOT NULL ORDER BY confirmed_at DESC, id DESC", new { }, cancellationToken) is not { MenusDoneAt: null } latest)
        {
            return null;
        }

        var claimed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE disaster_switches SET menus_claimed_by = @Instance, menus_claimed_until = @Until
            WHERE id = @Id AND menus_done_at IS NULL AND (menus_claimed_until IS NULL OR menus_claimed_until < @Now OR menus_claimed_by = @Instance)
            """,
            new { latest.Id, Instance = instance, Until = now + lease, Now = now },
            cancellationToken: cancellationToken));
        return claimed == 1 ? latest : null;
    }

    /// <summary>The switch confirmed before <paramref name="id"/>: what everyone's menus show until <paramref name="id"/>'s switch is done.</summary>
    public async Task<DisasterSwitch?> PreviousAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await OneAsync(
            connection, null, "confirmed_at IS NOT NULL AND id <> @Id AND confirmed_at <= (SELECT confirmed_at FROM disaster_switches WHERE id = @Id) ORDER BY confirmed_at DESC, id DESC",
            new { Id = id }, cancellationToken);
    }

    public static Task<DisasterSwitch?> FindAsync(DbConnection connection, long id, CancellationToken cancellationToken) =>
        OneAsync(connection, null, "id = @Id", new { Id = id }, cancellationToken);

    public Task FinishMenusAsync(long id, string outcome, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            "UPDATE disaster_switches SET menus_done_at = @Now, menus_outcome = @Outcome, menus_claimed_until = NULL WHERE id = @Id",
            new { Id = id, Outcome = outcome, Now = now },
            cancellationToken);

    private static async Task<DisasterSwitch?> OneAsync(
        DbConnection connection, DbTransaction? transaction, string where, object parameters, CancellationToken cancellationToken)
    {
        return await connection.QueryFirstOrDefaultAsync<DisasterSwitch>(new CommandDefinition(
            $"SELECT {Columns} FROM disaster_switches WHERE {where} LIMIT 1", parameters, transaction, cancellationToken: cancellationToken));
    }
}
