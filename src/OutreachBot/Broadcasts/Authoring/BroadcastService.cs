using System.Security.Claims;
using Microsoft.Extensions.Options;
using OutreachBot.Broadcasts.Fanout;
using OutreachBot.Broadcasts.Scheduling;

namespace OutreachBot.Broadcasts.Authoring;

/// <summary>The result of a staff action: done, or refused with a status and a reason (or field errors).</summary>
public sealed record StaffOutcome(bool Ok, int Status = 200, Bilingual? Problem = null, Dictionary<string, Bilingual[]>? Errors = null, long Id = 0)
{
    public static StaffOutcome Done(long id) => new(true, Id: id);

    public static StaffOutcome Refused(int status, Bilingual problem) => new(false, status, problem);

    public static StaffOutcome Invalid(Dictionary<string, Bilingual[]> errors) => new(false, 400, Errors: errors);
}

/// <summary>
/// What staff do with broadcasts: create, edit, submit, approve, cancel, force; each checked against the broadcast's
/// state. The four-eyes rule: nobody who wrote or edited a broadcast approves it or sends it back (identities are
/// staff accounts, a key's and a console session's alike), and an approval names the version its approver saw.
/// </summary>
public sealed class BroadcastService(
    BroadcastStore store,
    BroadcastDrafting drafting,
    BroadcastScheduling scheduling,
    BatchLedger ledger,
    FanoutSignal signal,
    IOptions<BroadcastOptions> options,
    IOptions<Disaster.DisasterOptions> disaster,
    TimeProvider time)
{
    public const int MaxCommentLength = 1000;

    private static readonly BroadcastState[] Editable = [BroadcastState.Draft, BroadcastState.AwaitingApproval, BroadcastState.Scheduled];

    private DateTimeOffset Now => time.GetUtcNow();

    public async Task<StaffOutcome> CreateAsync(BroadcastInput input, string author, CancellationToken cancellationToken)
    {
        var (draft, errors) = await drafting.CheckAsync(input, cancellationToken);
        if (draft is null)
        {
            return StaffOutcome.Invalid(errors);
        }

        var id = await store.CreateAsync(draft, author, BroadcastState.Draft, Now, cancellationToken);
        if (draft.SaveAsDraft)
        {
            return StaffOutcome.Done(id);
        }

        // A refused submission (quiet hours now, say) leaves the draft stored: say which, so nothing typed is lost.
        var submitted = await SubmitAsync(id, cancellationToken);
        return submitted with { Id = id };
    }

    /// <summary>Edits a broadcast; <paramref name="editor"/> joins those who wrote it, who may not approve it.</summary>
    public async Task<StaffOutcome> ReplaceAsync(long id, BroadcastInput input, string editor, CancellationToken cancellationToken)
    {
        var current = await store.FindAsync(id, cancellationToken);
        if (current is null)
        {
            return NotFound(id);
        }

        if (!Editable.Contains(current.State))
        {
            return Refused409(new($"この配信は「{BroadcastNames.Of(current.State)}」のため編集できません。", $"A {BroadcastNames.Of(current.State)} broadcast cannot be edited."));
        }

        var (draft, errors) = await drafting.CheckAsync(input, cancellationToken);
        if (draft is null)
        {
            return StaffOutcome.Invalid(errors);
        }

        await scheduling.UnscheduleAsync(id, cancellationToken);
        if (!await store.ReplaceAsync(id, current.Version, draft, editor, BroadcastState.Draft, Editable, Now, cancellationToken))
        {
            if (current.State == BroadcastState.Scheduled)
            {
                await scheduling.ScheduleAsync(current, cancellationToken);
            }

            return Refused409(new("他の人が同時に変更しました。読み込み直してください。", "Someone changed it meanwhile; reload and try again."));
        }

        return current.State == BroadcastState.Draft && draft.SaveAsDraft ? StaffOutcome.Done(id) : await SubmitAsync(id, cancellationToken) with { Id = id };
    }

    /// <summary>
    /// A draft goes for approval where that is required, else straight into the scheduler. A broadcast to every follower
    /// asks one approver whatever the office's rule, unless <c>Disaster:UrgentNeedsApproval</c> is false.
    /// </summary>
    public async Task<StaffOutcome> SubmitAsync(long id, CancellationToken cancellationToken)
    {
        var toEveryone = (await store.FindAsync(id, cancellationToken))?.Target.All == true;
        if (toEveryone ? disaster.Value.UrgentNeedsApproval : options.Value.RequireApproval)
        {
            return await store.MoveAsync(id, [BroadcastState.Draft], BroadcastState.AwaitingApproval, Now, cancellationToken)
                ? StaffOutcome.Done(id)
                : Refused409(new("下書きではありません。", "Only a draft can be submitted."));
        }

        return await ScheduleAsync(id, [BroadcastState.Draft], approvedBy: null, cancellationToken);
    }

    /// <summary>
    /// Approves <paramref name="version"/> of a broadcast, the one the approver read. Without a version nothing is
    /// approved (428): an approval must not reach a text edited after it was read.
    /// </summary>
    public async Task<StaffOutcome> ApproveAsync(long id, string approver, int? version, CancellationToken cancellationToken)
    {
        var current = await store.FindAsync(id, cancellationToken);
        if (current is null)
        {
            return NotFound(id);
        }

        if (current.State != BroadcastState.AwaitingApproval)
        {
            return Refused409(new($"承認待ちではありません（{BroadcastNames.Of(current.State)}）。", "It is not awaiting approval."));
        }

        if (current.WrittenBy(approver))
        {
            return StaffOutcome.Refused(403, WroteIt("承認", "approve"));
        }

        if (version is null)
        {
            return StaffOutcome.Refused(428, new(
                "承認する版（GET で返る version）を指定してください。読んだ内容だけを承認するためです。",
                "Say which version you approve (the version GET returns, as \"version\" in the body or an If-Match header), so that only the text you read is approved."));
        }

        if (current.Version != version)
        {
            return Stale(version.Value, current.Version);
        }

        return await ScheduleAsync(id, [BroadcastState.AwaitingApproval], approver, cancellationToken, version);
    }

    /// <param name="reason">Why, when the bot cancels it rather than staff (its event was cancelled).</param>
    public async Task<StaffOutcome> CancelAsync(long id, string by, CancellationToken cancellationToken, string? reason = null)
    {
        var current = await store.FindAsync(id, cancellationToken);
        if (current is null)
        {
            return NotFound(id);
        }

        if (current.State == BroadcastState.Cancelled)
        {
            return Refused409(new("すでに取り消されています。", "Already cancelled."));
        }

        await scheduling.UnscheduleAsync(id, cancellationToken);
        await store.MoveAsync(id, [.. Editable, BroadcastState.Fired], BroadcastState.Cancelled, Now, cancellationToken, cancelledBy: by, reason: reason);
        signal.Cancelled(await ledger.CancelRunsAsync(id, cancellationToken));
        return StaffOutcome.Done(id);
    }

    public async Task<StaffOutcome> ForceAsync(long id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsInRole(Staff.StaffRoles.Admin))
        {
            return StaffOutcome.Refused(403, new("保留中の配信を強制送信できるのは管理者だけです。", "Only an admin (an admin's console session or an admin account's API key) can force a held broadcast."));
        }

        if (!await ledger.ForceAsync(id, StaffIdentity.Of(user), cancellationToken))
        {
            return Refused409(new("残り通数のために保留中の配信はありません。", "Nothing of this broadcast is held for quota."));
        }

        signal.Wake();
        return StaffOutcome.Done(id);
    }

    /// <summary>An approver returns a broadcast awaiting approval to its author's drafts, with what to change.</summary>
    public async Task<StaffOutcome> SendBackAsync(long id, string reviewer, string? comment, CancellationToken cancellationToken)
    {
        var current = await store.FindAsync(id, cancellationToken);
        if (current is null)
        {
            return NotFound(id);
        }

        if (string.IsNullOrWhiteSpace(comment) || comment.Trim().Length > MaxCommentLength)
        {
            return StaffOutcome.Invalid(new()
            {
                ["comment"] = [new($"差し戻す理由（{MaxCommentLength}文字以内）を入力してください。", $"Say what to change, in at most {MaxCommentLength} characters.")],
            });
        }

        if (current.WrittenBy(reviewer))
        {
            return StaffOutcome.Refused(403, WroteIt("差し戻し", "send back"));
        }

        return await store.SendBackAsync(id, reviewer, comment.Trim(), Now, cancellationToken)
            ? StaffOutcome.Done(id)
            : Refused409(new("承認待ちではありません。", "It is not awaiting approval."));
    }

    private async Task<StaffOutcome> ScheduleAsync(long id, BroadcastState[] from, string? approvedBy, CancellationToken cancellationToken, int? version = null)
    {
        var current = (await store.FindAsync(id, cancellationToken))!;
        var now = time.GetUtcNow();
        DateTimeOffset? sendAt = null;
        if (current.Schedule.Kind == ScheduleKind.Now)
        {
            // "Now" means when it is released: on approval, not when it was written.
            if (!current.Urgent && !Meta.SocialChannelChecks.OnlySocial(current.Channels) && drafting.QuietHours.Contains(now))
            {
                return Refused409(new($"今は配信停止時間帯（{drafting.QuietHours.Describe()}）です。urgent を指定するか、時刻を指定してください。", "Now is inside quiet hours; mark it urgent or give a time."));
            }

            sendAt = now;
        }
        else if (current.Schedule.SendAt is { } at && at < now.AddMinutes(-1))
        {
            return Refused409(new("送信予定時刻を過ぎています。時刻を変更してください。", "Its time has passed; edit the time first."));
        }

        if (!await store.MoveAsync(id, from, BroadcastState.Scheduled, now, cancellationToken, approvedBy, sendAt, version: version))
        {
            return version is { } seen && (await store.FindAsync(id, cancellationToken))?.Version is { } latest && latest != seen
                ? Stale(seen, latest)
                : Refused409(new("状態が変わりました。読み込み直してください。", "It changed meanwhile; reload."));
        }

        await scheduling.ScheduleAsync((await store.FindAsync(id, cancellationToken))!, cancellationToken);
        return StaffOutcome.Done(id);
    }

    private static Bilingual WroteIt(string ja, string en) => new(
        $"この配信を作成または編集した人は{ja}できません。別の承認者に依頼してください（同じ人のAPIキーも同じ人です）。",
        $"Whoever wrote or edited this broadcast cannot {en} it; another approver must (a person's API keys count as that person).");

    private static StaffOutcome Stale(int seen, int latest) => Refused409(new(
        $"この配信は、あなたが読んだ後に変更されました（版 {seen} → {latest}）。今の内容を読んでから承認してください。",
        $"This broadcast changed after you read it (version {seen}, now {latest}): read the current text, then approve it."));

    private static StaffOutcome NotFound(long id) => StaffOutcome.Refused(404, new($"配信 {id} はありません。", $"No broadcast {id}."));

    private static StaffOutcome Refused409(Bilingual problem) => StaffOutcome.Refused(409, problem);
}
