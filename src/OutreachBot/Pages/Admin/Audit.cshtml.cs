using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Admin;

/// <summary>The audit log, newest first, 100 entries a page, optionally one kind of entry.</summary>
public sealed class AuditModel(AuditLog audit) : ConsolePage
{
    public const int PageSize = 100;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public string? Action { get; private set; }

    public long? NextBefore { get; private set; }

    public async Task OnGetAsync(string? action, long? before)
    {
        Action = string.IsNullOrEmpty(action) || !AuditActions.Labels.ContainsKey(action) ? null : action;
        Entries = await audit.ListAsync(Action, before ?? long.MaxValue, PageSize, HttpContext.RequestAborted);
        NextBefore = Entries.Count == PageSize ? Entries[^1].Id : null;
    }
}
