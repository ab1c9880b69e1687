using Microsoft.AspNetCore.Mvc;
using OutreachBot.Groups;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Groups;

/// <summary>Staff's list of civic groups, those waiting for approval first, and the form that invites a new one (editors).</summary>
public sealed class IndexModel(GroupStore groups, GroupInvitations invitations) : ConsolePage
{
    public IReadOnlyList<CivicGroup> Groups { get; private set; } = [];

    public bool CanEdit { get; private set; }

    [BindProperty]
    public GroupInviteInput Input { get; set; } = new();

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await CanAsync(ConsolePolicies.Edit))
        {
            return Forbid();
        }

        if (!Input.Validate())
        {
            AddErrors(Input.Errors);
            await LoadAsync();
            return Page();
        }

        var (group, invitation) = await invitations.InviteNewAsync(Input, StaffActor.Of(HttpContext), HttpContext.RequestAborted);
        Notice = GroupNotices.Invited(invitation);
        return LocalRedirect($"/console/groups/{group.Id}");
    }

    private async Task LoadAsync()
    {
        Groups = await groups.ListAsync(HttpContext.RequestAborted);
        CanEdit = await CanAsync(ConsolePolicies.Edit);
    }
}
