using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using OutreachBot.Broadcasts;
using OutreachBot.Broadcasts.Authoring;
using OutreachBot.Broadcasts.Targeting;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Broadcasts;

/// <summary>An approver reads a broadcast awaiting approval with its preview and approves it or sends it back with a comment.</summary>
public sealed class ReviewModel(StaffBroadcasts broadcasts, BroadcastStore store, BroadcastReader reader, ConsoleClock clock) : ConsolePage
{
    public long Id => long.Parse((string)RouteData.Values["id"]!, CultureInfo.InvariantCulture);

    public Broadcast Broadcast { get; private set; } = null!;

    public AudiencePreview? Audience { get; private set; }

    public ConsoleClock Clock => clock;

    /// <summary>The staff member wrote or edited it: they may neither approve it nor send it back.</summary>
    public bool WroteIt => Broadcast.WrittenBy(StaffIdentity.Of(User));

    [BindProperty]
    public string? Comment { get; set; }

    /// <summary>The version the page showed (a hidden field): approving names it, so an edit made since is not approved unseen.</summary>
    [BindProperty]
    public int? Version { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostApproveAsync()
    {
        var outcome = await broadcasts.ApproveAsync(Id, Version, StaffActor.Of(HttpContext), HttpContext.RequestAborted);
        return await AfterAsync(outcome, new("承認しました。予定どおり配信されます。", "Approved: it goes out as scheduled."));
    }

    public async Task<IActionResult> OnPostSendBackAsync()
    {
        var outcome = await broadcasts.SendBackAsync(Id, Comment, StaffActor.Of(HttpContext), HttpContext.RequestAborted);
        return await AfterAsync(outcome, new("作成者に差し戻しました。", "Sent back to its author."));
    }

    private async Task<IActionResult> AfterAsync(StaffOutcome outcome, Bilingual done)
    {
        if (outcome.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        if (!outcome.Ok)
        {
            await LoadAsync();
            if (outcome.Errors is { } errors)
            {
                AddErrors(errors);
            }
            else
            {
                AddError("action", outcome.Problem.GetValueOrDefault());
            }

            return Page();
        }

        Notice = done.Text;
        return Redirect("/console/broadcasts/approvals");
    }

    private async Task<bool> LoadAsync()
    {
        if (await store.FindAsync(Id, HttpContext.RequestAborted) is not { } broadcast)
        {
            return false;
        }

        Broadcast = broadcast;
        Audience = await reader.PreviewAsync(Id, HttpContext.RequestAborted);
        return true;
    }
}
