using OutreachBot.Broadcasts.Authoring;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Broadcasts;

/// <summary>Broadcasts, newest first, filtered by status.</summary>
public sealed class IndexModel(BroadcastReader reader, ConsoleClock clock) : ConsolePage
{
    public const int PageSize = 50;

    public static IReadOnlyList<string> Statuses { get; } = ["draft", "awaiting_approval", "scheduled", "sending", "held", "sent", "failed", "cancelled", "missed"];

    public IReadOnlyList<BroadcastView> Broadcasts { get; private set; } = [];

    public string? Status { get; private set; }

    public long? Next { get; private set; }

    public bool CanEdit { get; private set; }

    public bool CanApprove { get; private set; }

    public ConsoleClock Clock => clock;

    public async Task OnGetAsync(string? status, long? before)
    {
        Status = status is not null && Statuses.Contains(status) ? status : null;
        CanEdit = await CanAsync(ConsolePolicies.Edit);
        CanApprove = await CanAsync(ConsolePolicies.Approve);
        // A status is the broadcast's own state or its latest run's, so it is filtered after reading; pages are by id.
        var page = await reader.ListAsync(Status is null ? PageSize : 200, before, HttpContext.RequestAborted);
        Broadcasts = [.. page.Where(b => Status is null || b.Status == Status).Take(PageSize)];
        Next = page.Count == (Status is null ? PageSize : 200) ? page[^1].Id : null;
    }
}
