using Microsoft.AspNetCore.Mvc;
using OutreachBot.Disaster.HelpAlerts;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Account;

/// <summary>A staff member's own account: their LINE user id, where "test send to myself" goes.</summary>
public sealed class IndexModel(StaffAccountStore accounts, OwnAccount own, StaffEmails emails, OnDutyStaff onDuty) : ConsolePage
{
    public StaffAccount Account { get; private set; } = null!;

    [BindProperty]
    public string? LineUserId { get; set; }

    /// <summary>Where a test send of a broadcast's mail goes.</summary>
    [BindProperty]
    public string? Email { get; set; }

    /// <summary>当番: mailed when a citizen needs help in disaster mode.</summary>
    [BindProperty]
    public bool OnDuty { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return Forbid();
        }

        LineUserId = Account.LineUserId;
        Email = await emails.FindAsync(Account.Id, HttpContext.RequestAborted);
        OnDuty = await onDuty.IsOnDutyAsync(Account.Id, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostOnDutyAsync()
    {
        if (!await LoadAsync())
        {
            return Forbid();
        }

        await onDuty.SetAsync(Account.Id, Account.Username, OnDuty, StaffActor.Of(HttpContext), HttpContext.RequestAborted);
        Notice = ConsoleText.S("保存しました。", "Saved.");
        return Redirect("/console/account");
    }

    public async Task<IActionResult> OnPostEmailAsync()
    {
        if (!await LoadAsync())
        {
            return Forbid();
        }

        if (await emails.SetAsync(Account.Id, Account.Username, Email, StaffActor.Of(HttpContext), HttpContext.RequestAborted) is { } problem)
        {
            LineUserId = Account.LineUserId;
            OnDuty = await onDuty.IsOnDutyAsync(Account.Id, HttpContext.RequestAborted);
            AddError("email", problem);
            return Page();
        }

        Notice = ConsoleText.S("保存しました。", "Saved.");
        return Redirect("/console/account");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return Forbid();
        }

        var value = string.IsNullOrWhiteSpace(LineUserId) ? null : LineUserId.Trim();
        if (value is not null && !StaffAccount.IsLineUserId(value))
        {
            AddError("lineUserId", new("LINEユーザーIDは U と32桁の英数字（0-9, a-f）です。", "A LINE user id is U followed by 32 characters 0-9 and a-f."));
            Email = await emails.FindAsync(Account.Id, HttpContext.RequestAborted);
            OnDuty = await onDuty.IsOnDutyAsync(Account.Id, HttpContext.RequestAborted);
            return Page();
        }

        await own.SetLineUserIdAsync(Account, value, StaffActor.Of(HttpContext), HttpContext.RequestAborted);
        Notice = ConsoleText.S("保存しました。", "Saved.");
        return Redirect("/console/account");
    }

    private async Task<bool> LoadAsync()
    {
        if (User.AccountId() is not { } id || await accounts.FindAsync(id, HttpContext.RequestAborted) is not { } account)
        {
            return false;
        }

        Account = account;
        return true;
    }
}
