using Dapper;

namespace OutreachBot.Disaster;

/// <summary>One citizen's latest 安否 answer under a switch, and how many answers they gave.</summary>
public sealed record SafetyAnswer
{
    public required string UserId { get; init; }

    public string? DisplayName { get; init; }

    public string? Language { get; init; }

    public bool NeedsHelp { get; init; }

    public DateTimeOffset ReportedAt { get; init; }

    public long Reports { get; init; }

    /// <summary>When staff marked this citizen's answers handled; a later answer is unhandled again.</summary>
    public DateTimeOffset? HandledAt { get; init; }
}

/// <summary>The 安否 queue of a switch: each citizen once (their latest answer), 助けが必要 first, newest first.</summary>
/// <param name="Unhandled">Citizens whose latest answer is 助けが必要 and not yet marked handled.</param>
public sealed record SafetyQueueView(long? SwitchId, long HelpNeeded, long Safe, IReadOnlyList<SafetyAnswer> Citizens, long Unhandled = 0);

/// <summary>
/// 安否 (無事です / 助けが必要) as staff read it: counted per citizen, their latest answer each, under the switch in force
/// (or, once the mode is off, the last switch anyone answered under).
/// </summary>
public sealed class SafetyReports(Database database, DisasterModeState state, AuditLog audit, TimeProvider time)
{
    public const int MaxListed = 1000;

    private const string Latest = """
        FROM safety_reports r
        JOIN (SELECT user_id, MAX(id) AS last_id, COUNT(*) AS reports FROM safety_reports WHERE switch_id = @SwitchId GROUP BY user_id) l ON r.id = l.last_id
        """;

    public async Task<SafetyQueueView> ReadAsync(long? switchId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var id = await SwitchAsync(connection, switchId, cancellationToken);
        if (id is null)
        {
            return new SafetyQueueView(null, 0, 0, []);
        }

        var counts = await connection.QuerySingleAsync<(long? Help, long? Safe, long? Unhandled)>(new CommandDefinition(
            $"""
            SELECT SUM(CASE WHEN r.needs_help THEN 1 ELSE 0 END), SUM(CASE WHEN r.needs_help THEN 0 ELSE 1 END),
                   SUM(CASE WHEN r.needs_help AND r.handled_at IS NULL THEN 1 ELSE 0 END)
            {Latest}
            """,
            new { SwitchId = id }, cancellationToken: cancellationToken));
        var citizens = await connection.QueryAsync<SafetyAnswer>(new CommandDefinition(
            $"""
            SELECT r.user_id AS UserId, c.display_name AS DisplayName, c.language AS Language, r.needs_help AS NeedsHelp, r.reported_at AS ReportedAt, l.reports AS Reports,
                   r.handled_at AS HandledAt
            {Latest}
            LEFT JOIN citizens c ON c.user_id = r.user_id
            ORDER BY r.needs_help DESC, r.reported_at DESC, r.id DESC
            LIMIT {MaxListed}
            """,
            new { SwitchId = id }, cancellationToken: cancellationToken));
        return new SafetyQueueView(id, counts.Help ?? 0, counts.Safe ?? 0, [.. citizens], counts.Unhandled ?? 0);
    }

    /// <summary>Citizens whose latest answer under <paramref name="switchId"/> is 助けが必要 and not yet handled: the banner's and the alert's count.</summary>
    public async Task<long> HelpNeededAsync(long switchId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) {Latest} WHERE r.needs_help AND r.handled_at IS NULL", new { SwitchId = switchId }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Staff marks a citizen's 助けが必要 handled (someone called them, a team went): every unhandled answer of theirs
    /// under the switch (default as for <see cref="ReadAsync"/>), audited without their id. False when there was none.
    /// </summary>
    public async Task<bool> MarkHandledAsync(long? switchId, string userId, StaffActor actor, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (await SwitchAsync(connection, switchId, cancellationToken) is not { } id)
        {
            return false;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var handled = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE safety_reports SET handled_at = @Now WHERE switch_id = @SwitchId AND user_id = @UserId AND needs_help AND handled_at IS NULL",
            new { SwitchId = id, UserId = userId, Now = time.GetUtcNow() },
            transaction,
            cancellationToken: cancellationToken));
        if (handled > 0)
        {
            await audit.WriteAsync(connection, transaction, actor, AuditActions.SafetyHandled, $"disaster:{id}", $"{handled} answer(s)", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return handled > 0;
    }

    private async Task<long?> SwitchAsync(System.Data.Common.DbConnection connection, long? switchId, CancellationToken cancellationToken) =>
        switchId ?? (state.View.Active ? state.View.Current!.Id : await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MAX(switch_id) FROM safety_reports", cancellationToken: cancellationToken)));
}
