using Microsoft.AspNetCore.Mvc;
using OutreachBot.Groups;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Groups;

/// <summary>One group for staff: the public profile beside the one waiting, approval (approvers), a new invitation (editors).</summary>
public sealed class DetailModel(GroupStore groups, GroupFieldStore fields, GroupProfiles profiles, GroupInvitations invitations) : ConsolePage
{
    public CivicGroup Group { get; private set; } = null!;

    public IReadOnlyList<GroupField> Fields { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public bool CanApprove { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id) => await LoadAsync(id) ? Page() : NotFound();

    /// <summary>The logo waiting for approval, for the approver to see before approving.</summary>
    public async Task<IActionResult> OnGetLogoAsync(long id) =>
        await groups.LogoAsync(id, pending: true, HttpContext.RequestAborted) is { } logo ? File(logo.Bytes, logo.ContentType) : NotFound();

    public async Task<IActionResult> OnPostApproveAsync(long id)
    {
        if (!await CanAsync(ConsolePolicies.Approve))
        {
            return Forbid();
        }

        Notice = await profiles.ApproveAsync(id, StaffActor.Of(HttpContext), HttpContext.RequestAborted)
            ? ConsoleText.S("承認しました。公開ページに出ています。", "Approved: it is on the public pages now.")
            : ConsoleText.S("承認待ちの変更はありません。", "Nothing was waiting for approval.");
        return LocalRedirect($"/console/groups/{id}");
    }

    public async Task<IActionResult> OnPostInviteAsync(long id)
    {
        if (!await CanAsync(ConsolePolicies.Edit))
        {
            return Forbid();
        }

        if (await groups.FindAsync(id, HttpContext.RequestAborted) is not { } group)
        {
            return NotFound();
        }

        Notice = GroupNotices.Invited(await invitations.InviteAsync(group, StaffActor.Of(HttpContext), HttpContext.RequestAborted));
        return LocalRedirect($"/console/groups/{id}");
    }

    private async Task<bool> LoadAsync(long id)
    {
        if (await groups.FindAsync(id, HttpContext.RequestAborted) is not { } group)
        {
            return false;
        }

        Group = group;
        Fields = await fields.ListAsync(includeArchived: true, HttpContext.RequestAborted);
        CanEdit = await CanAsync(ConsolePolicies.Edit);
        CanApprove = await CanAsync(ConsolePolicies.Approve);
        return true;
    }
}
