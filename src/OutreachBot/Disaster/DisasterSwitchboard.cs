using Dapper;
using Microsoft.Extensions.Options;

namespace OutreachBot.Disaster;

/// <summary>
/// Switching disaster mode or a drill on and off, from the console and the API alike: an admin or approver asks with a
/// reason; a second one confirms by asking the same (unless <see cref="DisasterOptions.SinglePersonSwitch"/>). People are
/// compared by staff account, so one person's two keys are one person. Every step is one audit entry.
/// </summary>
public sealed class DisasterSwitchboard(
    Database database, DisasterSwitchStore store, DisasterModeState state, AuditLog audit, IOptions<DisasterOptions> options, TimeProvider time) : IDisposable
{
    private const long AdvisoryLockKey = 0x4F42_4469_7361_7374; // "OBDisast"
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public async Task<DisasterModeView> ReadAsync(CancellationToken cancellationToken) =>
        await store.ReadAsync(time.GetUtcNow(), options.Value.ConfirmWithin, cancellationToken);

    public async Task<DisasterSwitchResult> SwitchAsync(DisasterSwitchRequest request, StaffActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        var person = actor.Username ?? throw new InvalidOperationException("Disaster mode is switched by a staff member.");
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var result = await SwitchLockedAsync(request, actor, person, cancellationToken);
            state.Publish(result.View);
            return result;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task<DisasterSwitchResult> SwitchLockedAsync(DisasterSwitchRequest request, StaffActor actor, string person, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (database.Dialect.Provider == StorageProvider.Postgres)
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@AdvisoryLockKey)", new { AdvisoryLockKey }, transaction, cancellationToken: cancellationToken));
        }

        var view = await store.ReadAsync(connection, transaction, now, options.Value.ConfirmWithin, cancellationToken);
        DisasterSwitchResult result;
        if (view.Pending is { } pending && pending.Active == request.Active && pending.Drill == request.Drill)
        {
            if (pending.RequestedBy == person)
            {
                return Refusal(view, new("この切り替えは別の管理者または承認者の確認が必要です。", "Another admin or approver must confirm this switch."));
            }

            await store.ConfirmAsync(connection, transaction, pending.Id, person, request.Reason, now, cancellationToken);
            await audit.WriteAsync(connection, transaction, actor, AuditActions.DisasterModeConfirmed, Target(pending.Id), Describe(request), cancellationToken);
            result = new DisasterSwitchResult(DisasterSwitchOutcome.Switched, await store.ReadAsync(connection, transaction, now, options.Value.ConfirmWithin, cancellationToken));
        }
        else if (view.Active == request.Active && (!request.Active || view.Drill == request.Drill))
        {
            return Refusal(view, request.Active
                ? new("既にその状態です。", "Disaster mode is already in that state.")
                : new("防災モードは既にオフです。", "Disaster mode is already off."));
        }
        else
        {
            var single = options.Value.SinglePersonSwitch;
            var asked = new DisasterSwitch
            {
                Active = request.Active, Drill = request.Drill, DrillAudience = request.DrillAudience, Reason = request.Reason, RequestedBy = person, RequestedAt = now,
            };
            var id = await store.InsertAsync(connection, transaction, asked, single, cancellationToken);
            await audit.WriteAsync(
                connection, transaction, actor, single ? AuditActions.DisasterModeSwitched : AuditActions.DisasterModeRequested, Target(id), Describe(request), cancellationToken);
            result = new DisasterSwitchResult(
                single ? DisasterSwitchOutcome.Switched : DisasterSwitchOutcome.AwaitingConfirmation,
                await store.ReadAsync(connection, transaction, now, options.Value.ConfirmWithin, cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public void Dispose() => _oneAtATime.Dispose();

    private static DisasterSwitchResult Refusal(DisasterModeView view, Bilingual why) => new(DisasterSwitchOutcome.Refused, view) { Refused = why };

    private static string Target(long id) => $"disaster:{id}";

    private static string Describe(DisasterSwitchRequest request) =>
        $"{(request.Active ? "on" : "off")}{(request.Drill ? $" drill ({request.DrillAudience.Count})" : "")}: {request.Reason}";
}

/// <param name="DrillAudience">LINE user ids a drill reaches.</param>
public sealed record DisasterSwitchRequest(bool Active, bool Drill, IReadOnlyList<string> DrillAudience, string Reason);

public enum DisasterSwitchOutcome
{
    Switched,
    AwaitingConfirmation,
    Refused,
}

public sealed record DisasterSwitchResult(DisasterSwitchOutcome Outcome, DisasterModeView View)
{
    public Bilingual? Refused { get; init; }
}
