using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Admin.Accounts;

/// <summary>An admin changes a staff member's name, role or status, resets their password or unlocks them.</summary>
public sealed class EditModel(StaffAccountStore accounts, StaffAdministration admin, StaffPasswords passwords) : ConsolePage
{
    [BindProperty]
    public AccountForm Input { get; set; } = new();

    public StaffAccount Account { get; private set; } = null!;

    public string? TemporaryPassword { get; private set; }

    public bool IsSelf => Account.Id == User.AccountId();

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (await accounts.FindAsync(id, HttpContext.RequestAborted) is not { } account)
        {
            return NotFound();
        }

        Account = account;
        Input = new AccountForm { DisplayName = account.DisplayName, Role = account.Role.Code(), Disabled = account.Disabled };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id)
    {
        if (await accounts.FindAsync(id, HttpContext.RequestAborted) is not { } account)
        {
            return NotFound();
        }

        Account = account;
        var role = Input.Check(this, requireUsername: false);
        if (role is not null && (role != StaffRole.Admin || Input.Disabled) && account.Role == StaffRole.Admin && !account.Disabled
            && await accounts.CountOtherActiveAdminsAsync(account.Id, HttpContext.RequestAborted) == 0)
        {
            AddError("role", new("有効な管理者が一人もいなくなるため変更できません。先に別の管理者を作成してください。", "This is the last active admin; add another admin first."));
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        await admin.UpdateAccountAsync(account, Input.DisplayName!, role!.Value, Input.Disabled, StaffActor.Of(HttpContext), HttpContext.RequestAborted);
        Notice = ConsoleText.S($"{account.Username} を保存しました。", $"{account.Username} was saved.");
        return Redirect("/console/admin/accounts");
    }

    public async Task<IActionResult> OnPostResetAsync(long id)
    {
        if (await accounts.FindAsync(id, HttpContext.RequestAborted) is not { } account)
        {
            return NotFound();
        }

        var temporary = StaffPasswords.Temporary();
        await admin.ResetPasswordAsync(account, passwords.Hash(temporary), StaffActor.Of(HttpContext), HttpContext.RequestAborted);
        Account = (await accounts.FindAsync(id, HttpContext.RequestAborted))!;
        Input = new AccountForm { DisplayName = Account.DisplayName, Role = Account.Role.Code(), Disabled = Account.Disabled };
        TemporaryPassword = temporary;
        return Page();
    }

    public async Task<IActionResult> OnPostUnlockAsync(long id)
    {
        if (!await admin.UnlockAsync(id, StaffActor.Of(HttpContext), HttpContext.RequestAborted))
        {
            return NotFound();
        }

        Notice = ConsoleText.S("ロックを解除しました。", "The account was unlocked.");
        return Redirect($"/console/admin/accounts/{id}");
    }
}
