using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Account;

/// <summary>A staff member changes their own password; forced after a bootstrap or reset password.</summary>
[AllowPendingPasswordChange]
public sealed class PasswordModel(StaffAccountStore accounts, StaffPasswords passwords, AuditLog audit, ConsoleClock clock) : ConsolePage
{
    [BindProperty]
    public string? Current { get; set; }

    [BindProperty]
    public string? New { get; set; }

    [BindProperty]
    public string? Confirm { get; set; }

    public bool Forced => User.MustChangePasswordNow();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var found = await accounts.FindForSignInAsync(User.Identity!.Name!, HttpContext.RequestAborted);
        if (found is not { } match || match.Account.Id != User.AccountId())
        {
            return Forbid();
        }

        var (account, hash) = match;
        if (string.IsNullOrEmpty(Current) || passwords.Verify(hash, Current) == PasswordVerificationResult.Failed)
        {
            AddError("current", new("今のパスワードが違います。", "The current password is wrong."));
        }
        else if (StaffPasswords.Problem(New, account.Username, Current) is { } problem)
        {
            AddError("new", problem);
        }
        else if (New != Confirm)
        {
            AddError("confirm", new("確認用のパスワードが一致しません。", "The two new passwords differ."));
        }

        if (Errors.Count > 0)
        {
            Current = New = Confirm = null;
            return Page();
        }

        await accounts.SetPasswordAsync(account.Id, passwords.Hash(New!), mustChangePassword: false, clock.Now, HttpContext.RequestAborted);
        await audit.WriteAsync(HttpContext, AuditActions.PasswordChanged, account.Username);
        // The new security stamp ended this session too: sign in again with the fresh account.
        var fresh = (await accounts.FindAsync(account.Id, HttpContext.RequestAborted))!;
        await HttpContext.SignInAsync(StaffCookie.Scheme, StaffSignIn.PrincipalFor(fresh));
        Notice = ConsoleText.S("パスワードを変更しました。", "Your password was changed.");
        return LocalRedirect("/console");
    }
}
