using OutreachBot.Consultations;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Questions;

/// <summary>The inbox of citizens' questions (相談), one row per citizen, newest first, filtered by where the thread stands.</summary>
public sealed class IndexModel(ConsultationInbox inbox, StaffAccountStore accounts) : ConsolePage
{
    public static readonly (ThreadFilter Filter, string Code, Bilingual Label)[] Filters =
    [
        (ThreadFilter.Open, "open", new("未対応", "Open")),
        (ThreadFilter.Assigned, "assigned", new("対応中", "Assigned")),
        (ThreadFilter.Done, "done", new("完了", "Done")),
        (ThreadFilter.All, "all", new("すべて", "All")),
    ];

    public ThreadFilter Filter { get; private set; }

    public IReadOnlyList<ThreadSummary> Threads { get; private set; } = [];

    /// <summary>Staff names by username, to show who looks after a thread.</summary>
    public IReadOnlyDictionary<string, string> StaffNames { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(string? status)
    {
        Filter = Filters.FirstOrDefault(f => f.Code == status, Filters[0]).Filter;
        Threads = await inbox.ListAsync(Filter, HttpContext.RequestAborted);
        StaffNames = (await accounts.ListAsync(HttpContext.RequestAborted)).ToDictionary(a => a.Username, a => a.DisplayName);
    }
}
