using Microsoft.AspNetCore.Mvc;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Admin.Accounts;

/// <summary>An admin adds a staff member; the one-time password is shown once, here, to hand over.</summary>
public sealed class NewModel(StaffAdministration admin, StaffPasswords passwords) : ConsolePage
{
    [BindProperty]
    public AccountForm Input { get; set; } = new();

    public StaffAccount? Created { get; private set; }

    public string? TemporaryPassword { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var role = Input.Check(this, requireUsername: true);
        if (Errors.Count > 0)
        {
            return Page();
        }

        var temporary = StaffPasswords.Temporary();
        var created = await admin.CreateAccountAsync(
            new StaffAccountDraft(Input.Username!, Input.DisplayName!, role!.Value), passwords.Hash(temporary), StaffActor.Of(HttpContext), HttpContext.RequestAborted);
        if (created is null)
        {
            AddError("username", new("このユーザー名はすでに使われています。", "This username is taken."));
            return Page();
        }

        Created = created;
        TemporaryPassword = temporary;
        return Page();
    }
}

/// <summary>An account as an admin types it.</summary>
public sealed class AccountForm
{
    public string? Username { get; set; }

    public string? DisplayName { get; set; }

    public string? Role { get; set; }

    public bool Disabled { get; set; }

    public StaffRole? Check(ConsolePage page, bool requireUsername)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (requireUsername && !StaffAccount.IsUsername(Username?.Trim()))
        {
            page.AddError("username", new("2〜40文字の半角英数字と . _ - で入力してください。", "Use 2-40 letters, digits, dots, underscores or hyphens."));
        }

        if (string.IsNullOrWhiteSpace(DisplayName) || DisplayName.Trim().Length > 60)
        {
            page.AddError("displayName", new("1〜60文字で入力してください。", "Use 1-60 characters."));
        }

        var role = StaffRoles.Parse(Role);
        if (role is null)
        {
            page.AddError("role", new("役割を選んでください。", "Choose a role."));
        }

        return role;
    }
}

public sealed record AccountFieldsView(ConsolePage Page, AccountForm Input);
