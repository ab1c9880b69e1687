using Microsoft.AspNetCore.Mvc;
using OutreachBot.Disaster;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Disaster;

/// <summary>
/// 安否: each citizen's latest answer under the switch in force, 助けが必要 first, as <c>GET /api/v1/disaster-mode/safety</c>;
/// editors mark a help request handled.
/// </summary>
public sealed class SafetyModel(SafetyReports queue) : ConsolePage
{
    public SafetyQueueView Queue { get; private set; } = new(null, 0, 0, []);

    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(long? switchId)
    {
        Queue = await queue.ReadAsync(switchId, HttpContext.RequestAborted);
        CanEdit = await CanAsync(ConsolePolicies.Edit);
    }

    public async Task<IActionResult> OnPostHandledAsync(string userId, long? switchId)
    {
        if (!await CanAsync(ConsolePolicies.Edit))
        {
            return Forbid();
        }

        if (await queue.MarkHandledAsync(switchId, userId, StaffActor.Of(HttpContext), HttpContext.RequestAborted))
        {
            Notice = ConsoleText.S("対応済みにしました。", "Marked handled.");
        }

        return RedirectToPage(new { switchId });
    }
}
