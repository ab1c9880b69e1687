using Microsoft.AspNetCore.Mvc;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages;

[AllowPendingPasswordChange]
public sealed class SignInModel(StaffSignIn signIn, StaffSessions sessions) : ConsolePage
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Username { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true ? LocalRedirectOr(ReturnUrl, ConsolePolicies.HomeOf(User)) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Username))
        {
            AddError("username", new("ユーザー名を入力してください。", "Enter your username."));
        }

        if (string.IsNullOrEmpty(Password))
        {
            AddError("password", new("パスワードを入力してください。", "Enter your password."));
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        var result = await signIn.CheckAsync(Username!, Password!, HttpContext.Connection.RemoteIpAddress?.ToString(), HttpContext.RequestAborted);
        switch (result.Outcome)
        {
            case SignInOutcome.Succeeded:
                await sessions.SignInAsync(HttpContext, result.Account!);
                return result.Account!.MustChangePassword
                    ? LocalRedirect(StaffCookie.PasswordPath)
                    : LocalRedirectOr(ReturnUrl, ConsolePolicies.HomeOf(result.Account!));
            case SignInOutcome.LockedOut:
                AddError("password", SignInMessages.LockedOut);
                break;
            case SignInOutcome.Throttled:
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                AddError("password", SignInMessages.Throttled);
                break;
            case SignInOutcome.Disabled:
                AddError("username", new("このアカウントは無効です。管理者に連絡してください。", "This account is disabled. Contact an admin."));
                break;
            default:
                AddError("password", new("ユーザー名またはパスワードが違います。", "The username or password is wrong."));
                break;
        }

        Password = null;
        return Page();
    }
}
