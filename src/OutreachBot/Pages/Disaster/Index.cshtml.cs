using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OutreachBot.Disaster;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Disaster;

/// <summary>
/// 防災モード: the mode in force and a switch waiting for a second approver; admins and approvers switch it (or a drill)
/// with a reason, as <c>PUT /api/v1/disaster-mode</c> does.
/// </summary>
public sealed class IndexModel(DisasterSwitchboard switchboard, IAuthorizationService authorization) : ConsolePage
{
    public DisasterModeView View { get; private set; } = new(null, null);

    public bool CanSwitch { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>LINE user ids of a drill's audience, one a line.</summary>
    [BindProperty]
    public string? DrillAudience { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    /// <param name="mode"><c>on</c>, <c>drill</c> or <c>off</c>.</param>
    public async Task<IActionResult> OnPostAsync(string? mode)
    {
        if (!(await authorization.AuthorizeAsync(User, ConsolePolicies.Approve)).Succeeded)
        {
            return Forbid();
        }

        var drill = mode == "drill";
        var audience = drill ? (DrillAudience ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList() : null;
        var (request, errors) = new DisasterModeInput(mode is "on" or "drill", drill, audience, Reason).ToRequest();
        if (errors.Count > 0)
        {
            AddErrors(errors);
            await LoadAsync();
            return Page();
        }

        var result = await switchboard.SwitchAsync(request!, StaffActor.Of(HttpContext), HttpContext.RequestAborted);
        Notice = result.Outcome switch
        {
            DisasterSwitchOutcome.Switched => S("切り替えました。全員のメニューを切り替えています。", "Switched: everyone's menu is being switched."),
            DisasterSwitchOutcome.AwaitingConfirmation => S("申請しました。別の管理者または承認者が同じ操作をすると切り替わります。", "Asked: it switches when another admin or approver does the same."),
            _ => result.Refused!.Value.Text,
        };
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        View = await switchboard.ReadAsync(HttpContext.RequestAborted);
        CanSwitch = (await authorization.AuthorizeAsync(User, ConsolePolicies.Approve)).Succeeded;
    }

    private static string S(string ja, string en) => new Bilingual(ja, en).Text;
}
