using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using OutreachBot.Broadcasts;
using OutreachBot.Broadcasts.Authoring;
using OutreachBot.Broadcasts.Fanout;
using OutreachBot.Broadcasts.Scheduling;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Broadcasts;

/// <summary>A broadcast: its state and delivery counts, failed batches with LINE's errors, its preview; submit, cancel, force, test-send.</summary>
public sealed class DetailModel(
    StaffBroadcasts broadcasts, BroadcastStore store, BroadcastReader reader, Analytics.Follows.BlockRates blockRates, RunStore runs, BroadcastScheduling scheduling,
    StaffAccountStore accounts, ConsoleClock clock) : ConsolePage
{
    public long Id => long.Parse((string)RouteData.Values["id"]!, CultureInfo.InvariantCulture);

    public Broadcast Broadcast { get; private set; } = null!;

    public BroadcastView View { get; private set; } = null!;

    public IReadOnlyList<RunSummary> Runs { get; private set; } = [];

    public IReadOnlyList<BatchError> FailedBatches { get; private set; } = [];

    public string PreviewLanguage { get; private set; } = Languages.Japanese;

    public string? MyLineUserId { get; private set; }

    public DateTimeOffset? NextFire { get; private set; }

    public bool CanEdit { get; private set; }

    public bool CanApprove { get; private set; }

    public bool IsAdmin { get; private set; }

    public ConsoleClock Clock => clock;

    [BindProperty]
    public string? UserIds { get; set; }

    public async Task<IActionResult> OnGetAsync(string? lang)
    {
        PreviewLanguage = lang is not null && Languages.IsSupported(lang) ? lang : Languages.Japanese;
        return await LoadAsync() ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostSubmitAsync() =>
        ActAsync(ConsolePolicies.Edit, () => broadcasts.SubmitAsync(Id, StaffActor.Of(HttpContext), HttpContext.RequestAborted), new("申請しました。", "Submitted."));

    public Task<IActionResult> OnPostCancelAsync() =>
        ActAsync(ConsolePolicies.Edit, () => broadcasts.CancelAsync(Id, StaffActor.Of(HttpContext), HttpContext.RequestAborted), new("取り消しました。", "Cancelled."));

    public Task<IActionResult> OnPostForceAsync() =>
        ActAsync(ConsolePolicies.Admin, () => broadcasts.ForceAsync(Id, User, StaffActor.Of(HttpContext), HttpContext.RequestAborted), new("強制送信します。", "Forced: it is being sent."));

    /// <summary><paramref name="to"/>: "me" (the staff member's own LINE user id) or "list" (<see cref="UserIds"/>, one a line).</summary>
    public async Task<IActionResult> OnPostTestAsync(string? to, string? language)
    {
        if (!await CanAsync(ConsolePolicies.Edit))
        {
            return Forbid();
        }

        if (!await LoadAsync())
        {
            return NotFound();
        }

        var ids = to == "me"
            ? (MyLineUserId is { } mine ? [mine] : [])
            : (UserIds ?? "").Split(['\n', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (to == "me" && ids.Count == 0)
        {
            AddError("test", new("あなたのLINEユーザーIDが登録されていません。「アカウント」で登録してください。", "Your LINE user id is not set: add it on your account page first."));
            return Page();
        }

        var result = (await broadcasts.TestAsync(Id, ids, language, StaffActor.Of(HttpContext), HttpContext.RequestAborted))!;
        if (result.Errors is { } errors)
        {
            AddErrors(errors.ToDictionary(e => "test", e => e.Value));
            return Page();
        }

        if (result.Failure is { } failure)
        {
            AddError("test", new($"LINEがテスト送信を受け付けませんでした（{(int?)failure.StatusCode}）: {failure.Message}", $"LINE refused the test send ({(int?)failure.StatusCode}): {failure.Message}"));
            return Page();
        }

        Notice = ConsoleText.S($"{result.SentTo}人にテスト送信しました（{result.Language}）。", $"Test sent to {result.SentTo} ({result.Language}).");
        Notice += result switch
        {
            { MailedTo: { } address } => " " + ConsoleText.S($"メールを {address} に送りました。", $"Mailed to {address}."),
            { MailFailure: { } mailFailure } => " " + ConsoleText.S($"メールは送れませんでした: {mailFailure}", $"The mail did not go: {mailFailure}"),
            _ => "",
        };
        return Redirect($"/console/broadcasts/{Id}");
    }

    private string Target => "broadcast:" + Id.ToString(CultureInfo.InvariantCulture);

    private async Task<IActionResult> ActAsync(string policy, Func<Task<StaffOutcome>> act, Bilingual done)
    {
        if (!await CanAsync(policy))
        {
            return Forbid();
        }

        var outcome = await act();
        if (!outcome.Ok)
        {
            if (outcome.Status == StatusCodes.Status404NotFound)
            {
                return NotFound();
            }

            await LoadAsync();
            AddError("action", outcome.Problem.GetValueOrDefault());
            return Page();
        }

        Notice = done.Text;
        return Redirect($"/console/broadcasts/{Id}");
    }

    private async Task<bool> LoadAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (await store.FindAsync(Id, cancellationToken) is not { } broadcast)
        {
            return false;
        }

        Broadcast = broadcast;
        View = (await reader.GetAsync(Id, cancellationToken))! with { BlockRate = await blockRates.ForAsync(Id, cancellationToken) };
        Runs = await runs.ForBroadcastAsync(Id, 20, cancellationToken);
        FailedBatches = Runs.Count == 0 ? [] : await runs.ErrorsAsync(Runs[0].Id, 100, cancellationToken);
        NextFire = broadcast.State == BroadcastState.Scheduled ? await scheduling.NextFireAsync(Id, cancellationToken) : null;
        MyLineUserId = User.AccountId() is { } account ? (await accounts.FindAsync(account, cancellationToken))?.LineUserId : null;
        CanEdit = await CanAsync(ConsolePolicies.Edit);
        CanApprove = await CanAsync(ConsolePolicies.Approve);
        IsAdmin = await CanAsync(ConsolePolicies.Admin);
        return true;
    }
}
