using System.Globalization;
using System.Security.Claims;
using OutreachBot.Broadcasts.MailDelivery;

namespace OutreachBot.Broadcasts.Authoring;

/// <summary>
/// What staff do with broadcasts, from the API and the console alike: <see cref="BroadcastService"/>'s rules, then one
/// audit entry per change that succeeded, naming who did it. (The bot's own changes, reminders and event-bound
/// cancellations, call <see cref="BroadcastService"/> directly and are not staff actions.)
/// </summary>
public sealed class StaffBroadcasts(BroadcastService service, TestSender tester, TestMailSender mailTester, BroadcastStore store, AuditLog audit)
{
    /// <summary>How the created or updated entry says the same call submitted the broadcast too.</summary>
    public const string SubmittedNote = "submitted";

    /// <summary>Recorded as created once stored, noting it was submitted when it went on to approval or the schedule.</summary>
    public async Task<StaffOutcome> CreateAsync(BroadcastInput input, StaffActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var outcome = await service.CreateAsync(input, StaffIdentity.Of(actor), cancellationToken);
        return await RecordStoredAsync(outcome, input, AuditActions.BroadcastCreated, actor, cancellationToken);
    }

    public async Task<StaffOutcome> ReplaceAsync(long id, BroadcastInput input, StaffActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var outcome = await service.ReplaceAsync(id, input, StaffIdentity.Of(actor), cancellationToken);
        return await RecordStoredAsync(outcome, input, AuditActions.BroadcastUpdated, actor, cancellationToken);
    }

    public async Task<StaffOutcome> SubmitAsync(long id, StaffActor actor, CancellationToken cancellationToken) =>
        await RecordAsync(await service.SubmitAsync(id, cancellationToken), id, AuditActions.BroadcastSubmitted, actor, null, cancellationToken);

    public async Task<StaffOutcome> ApproveAsync(long id, int? version, StaffActor actor, CancellationToken cancellationToken) =>
        await RecordAsync(await service.ApproveAsync(id, StaffIdentity.Of(actor), version, cancellationToken), id, AuditActions.BroadcastApproved, actor, null, cancellationToken);

    public async Task<StaffOutcome> SendBackAsync(long id, string? comment, StaffActor actor, CancellationToken cancellationToken) =>
        await RecordAsync(await service.SendBackAsync(id, StaffIdentity.Of(actor), comment, cancellationToken), id, AuditActions.BroadcastSentBack, actor, comment, cancellationToken);

    public async Task<StaffOutcome> CancelAsync(long id, StaffActor actor, CancellationToken cancellationToken) =>
        await RecordAsync(await service.CancelAsync(id, StaffIdentity.Of(actor), cancellationToken), id, AuditActions.BroadcastCancelled, actor, null, cancellationToken);

    /// <summary><paramref name="user"/> says whether the actor is an admin, which forcing needs.</summary>
    public async Task<StaffOutcome> ForceAsync(long id, ClaimsPrincipal user, StaffActor actor, CancellationToken cancellationToken) =>
        await RecordAsync(await service.ForceAsync(id, user, cancellationToken), id, AuditActions.BroadcastForced, actor, null, cancellationToken);

    public async Task<TestSendResult?> TestAsync(long id, IEnumerable<string>? userIds, string? language, StaffActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (address, problem) = await mailTester.AddressAsync(id, actor, cancellationToken);
        if (problem is { } noAddress)
        {
            return new TestSendResult(0, language ?? Languages.Japanese, null, new() { ["mail"] = [noAddress] });
        }

        var result = await tester.SendAsync(id, userIds, language, cancellationToken);
        if (result is { Ok: true } && address is not null)
        {
            var failure = await mailTester.SendAsync(id, address, result.Language, cancellationToken);
            result = failure is null ? result with { MailedTo = address } : result with { MailFailure = failure };
        }

        if (result is { Ok: true })
        {
            var mail = address is null ? "" : result.MailFailure is null ? ", mail to own address" : ", mail failed";
            await audit.WriteAsync(
                actor, AuditActions.BroadcastTestSent, Target(id), $"{result.SentTo} recipient(s), {result.Language}, x-line-request-id {result.RequestId}{mail}", cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// One entry for the one call: created or updated, its detail saying when the call went on to submit it, so a
    /// broadcast's history still starts with its creation.
    /// </summary>
    private async Task<StaffOutcome> RecordStoredAsync(StaffOutcome outcome, BroadcastInput input, string action, StaffActor actor, CancellationToken cancellationToken)
    {
        if (outcome.Ok || outcome.Id != 0)
        {
            var detail = outcome.Ok && input.Draft != true ? $"{input.Title} ({SubmittedNote})" : input.Title;
            await audit.WriteAsync(actor, action, Target(outcome.Id), detail, cancellationToken);
        }

        return outcome;
    }

    private async Task<StaffOutcome> RecordAsync(StaffOutcome outcome, long id, string action, StaffActor actor, string? detail, CancellationToken cancellationToken)
    {
        if (outcome.Ok)
        {
            await audit.WriteAsync(actor, action, Target(id), detail ?? (await store.FindAsync(id, cancellationToken))?.Title, cancellationToken);
        }

        return outcome;
    }

    private static string Target(long id) => "broadcast:" + id.ToString(CultureInfo.InvariantCulture);
}
