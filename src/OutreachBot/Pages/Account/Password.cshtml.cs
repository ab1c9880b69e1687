using Microsoft.AspNetCore.Mvc;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Account;

/// <summary>A staff member changes their own password; forced after a bootstrap or reset password.</summary>
[AllowPendingPasswordChange]
public sealed class PasswordModel(
    StaffAccountStore accounts, OwnAccount own, StaffPasswords passwords, StaffSignIn signIn, StaffSessions sessions) : ConsolePage
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
        var current = string.IsNullOrEmpty(Current)
            ? SignInOutcome.WrongCredentials
            : await signIn.CheckCurrentPasswordAsync(account, hash, Current, HttpContext.Connection.RemoteIpAddress?.ToString(), HttpContext.RequestAborted);
        if (current != SignInOutcome.Succeeded)
        {
            if (current == SignInOutcome.Throttled)
            {
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
            }

            AddError("current", current switch
            {
                SignInOutcome.LockedOut => SignInMessages.LockedOut,
                SignInOutcome.Throttled => SignInMessages.Throttled,
                _ => new("今のパスワードが違います。", "The current password is wrong."),
            });
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

        await own.ChangePasswordAsync(account, passwords.Hash(New!), StaffActor.Of(HttpContext), HttpContext.RequestAborted);
        // The new password ended every session of the account, this one too: sign in again with the fresh account.
        var fresh = (await accounts.FindAsync(account.Id, HttpContext.RequestAborted))!;
        await sessions.SignInAsync(HttpContext, fresh);
        Notice = ConsoleText.S("パスワードを変更しました。", "Your password was changed.");
        return LocalRedirect(ConsolePolicies.HomeOf(fresh));
    }
}
