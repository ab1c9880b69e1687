using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Admin;

/// <summary>
/// Staff API keys: made here for a staff account (the admin's own unless they choose another; the key acts with that
/// account's role at each call), shown once, stored only as a hash, listed, revoked.
/// </summary>
public sealed class ApiKeysModel(ApiKeyStore keys, StaffAccountStore accounts, StaffAdministration admin) : ConsolePage
{
    [BindProperty]
    public string? Name { get; set; }

    /// <summary>Whose key it is; empty means the admin making it.</summary>
    [BindProperty]
    public long? AccountId { get; set; }

    public IReadOnlyList<StoredApiKey> Keys { get; private set; } = [];

    /// <summary>The enabled accounts a key can be made for.</summary>
    public IReadOnlyList<StaffAccount> Accounts { get; private set; } = [];

    public IReadOnlyList<ConfiguredApiKey> Configured => keys.Configured;

    public string? CreatedKey { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        await LoadAsync();
        var name = Name?.Trim() ?? "";
        var owner = Accounts.FirstOrDefault(a => a.Id == (AccountId ?? User.AccountId()));
        if (name.Length is 0 or > 60)
        {
            AddError("name", new("1〜60文字で、用途がわかる名前を入力してください。", "Enter a name of 1-60 characters that says what the key is for."));
        }
        else if (owner is null)
        {
            AddError("account", new("キーを持つ有効なアカウントを選んでください。", "Choose the enabled account the key belongs to."));
        }
        else if (await admin.CreateKeyAsync(name, owner, StaffActor.Of(HttpContext), HttpContext.RequestAborted) is { } key)
        {
            CreatedKey = key;
            Name = null;
            AccountId = null;
        }
        else
        {
            AddError("name", new("この名前のキーがすでにあります（無効にしたキーを含む）。", "A key with this name exists (revoked ones included)."));
        }

        Keys = await keys.ListAsync(HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id)
    {
        if (await admin.RevokeKeyAsync(id, StaffActor.Of(HttpContext), HttpContext.RequestAborted) is { } name)
        {
            Notice = ConsoleText.S($"キー「{name}」を無効にしました。", $"The key “{name}” was revoked.");
        }

        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Keys = await keys.ListAsync(HttpContext.RequestAborted);
        Accounts = [.. (await accounts.ListAsync(HttpContext.RequestAborted)).Where(a => !a.Disabled)];
    }
}
