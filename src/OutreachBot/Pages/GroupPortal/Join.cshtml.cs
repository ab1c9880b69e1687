using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OutreachBot.Groups;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.GroupPortal;

/// <summary>The invitation link: the group's contact chooses a username and a password (the staff's rules) and is signed in.</summary>
[AllowPendingPasswordChange]
public sealed class JoinModel(GroupInvitations invitations, StaffPasswords passwords, StaffSessions sessions) : ConsolePage
{
    [BindProperty(SupportsGet = true, Name = "t")]
    public string? Token { get; set; }

    [BindProperty]
    public string? Username { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Confirm { get; set; }

    public CivicGroup? Group { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Group = await invitations.GroupOfAsync(Token, HttpContext.RequestAborted);
        return Group is null ? LinkInvalid() : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Group = await invitations.GroupOfAsync(Token, HttpContext.RequestAborted);
        if (Group is null)
        {
            return LinkInvalid();
        }

        var username = Username?.Trim() ?? "";
        if (!StaffAccount.IsUsername(username))
        {
            AddError("username", new("ユーザー名は2〜40文字の英数字と . _ - で入力してください。", "Use 2 to 40 letters, digits, dots, underscores or hyphens."));
        }
        else if (StaffPasswords.Problem(Password, username, null) is { } problem)
        {
            AddError("password", problem);
        }
        else if (Password != Confirm)
        {
            AddError("confirm", new("確認用のパスワードが一致しません。", "The two passwords differ."));
        }

        if (Errors.Count == 0)
        {
            var hash = passwords.Hash(Password!);
            var (outcome, account) = await invitations.JoinAsync(Token!, username, hash, HttpContext.Connection.RemoteIpAddress?.ToString(), HttpContext.RequestAborted);
            switch (outcome)
            {
                case JoinOutcome.Joined:
                    await sessions.SignInAsync(HttpContext, account!);
                    return LocalRedirect(ConsolePolicies.GroupHome);
                case JoinOutcome.UsernameTaken:
                    AddError("username", new("このユーザー名は使われています。別の名前にしてください。", "This username is taken. Choose another."));
                    break;
                default:
                    return LinkInvalid();
            }
        }

        Password = Confirm = null;
        return Page();
    }

    private PageResult LinkInvalid()
    {
        Group = null;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
