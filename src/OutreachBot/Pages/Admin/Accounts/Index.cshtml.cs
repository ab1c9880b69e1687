using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Admin.Accounts;

public sealed class IndexModel(StaffAccountStore accounts) : ConsolePage
{
    public IReadOnlyList<StaffAccount> Accounts { get; private set; } = [];

    public async Task OnGetAsync() => Accounts = await accounts.ListAsync(HttpContext.RequestAborted);
}
