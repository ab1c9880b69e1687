using OutreachBot.Disaster;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Disaster;

/// <summary>安否: each citizen's latest answer under the switch in force, 助けが必要 first, as <c>GET /api/v1/disaster-mode/safety</c>.</summary>
public sealed class SafetyModel(SafetyReports queue) : ConsolePage
{
    public SafetyQueueView Queue { get; private set; } = new(null, 0, 0, []);

    public async Task OnGetAsync(long? switchId) => Queue = await queue.ReadAsync(switchId, HttpContext.RequestAborted);
}
