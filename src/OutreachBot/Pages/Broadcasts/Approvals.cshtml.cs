using OutreachBot.Broadcasts;
using OutreachBot.Broadcasts.Authoring;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Broadcasts;

/// <summary>The approval queue: broadcasts awaiting approval, oldest first; one's own are shown but cannot be approved by oneself.</summary>
public sealed class ApprovalsModel(BroadcastStore store, ConsoleClock clock) : ConsolePage
{
    public IReadOnlyList<Broadcast> Waiting { get; private set; } = [];

    public ConsoleClock Clock => clock;

    public string Me => StaffIdentity.Of(User);

    public async Task OnGetAsync() =>
        Waiting = await store.InStateAsync(BroadcastState.AwaitingApproval, HttpContext.RequestAborted);
}
