using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using OutreachBot.Api;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Admin;

/// <summary>Staff API keys: made here (the key is shown once, only its hash is kept), listed, revoked.</summary>
public sealed class ApiKeysModel(ApiKeyStore keys, AuditLog audit) : ConsolePage
{
    [BindProperty]
    public string? Name { get; set; }

    public IReadOnlyList<StoredApiKey> Keys { get; private set; } = [];

    public int ConfiguredCount => keys.ConfiguredCount;

    public string? CreatedKey { get; private set; }

    public async Task OnGetAsync() => Keys = await keys.ListAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var name = Name?.Trim() ?? "";
        if (name.Length is 0 or > 60)
        {
            AddError("name", new("1〜60文字で、用途がわかる名前を入力してください。", "Enter a name of 1-60 characters that says what the key is for."));
        }
        else if (await keys.CreateAsync(name, HttpContext.RequestAborted) is { } key)
        {
            await audit.WriteAsync(HttpContext, AuditActions.ApiKeyCreated, name);
            CreatedKey = key;
            Name = null;
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
        var key = (await keys.ListAsync(HttpContext.RequestAborted)).FirstOrDefault(k => k.Id == id);
        if (key is not null && await keys.RevokeAsync(id, HttpContext.RequestAborted))
        {
            await audit.WriteAsync(HttpContext, AuditActions.ApiKeyRevoked, key.Name, id.ToString(CultureInfo.InvariantCulture));
            Notice = ConsoleText.S($"キー「{key.Name}」を無効にしました。", $"The key “{key.Name}” was revoked.");
        }

        return RedirectToPage();
    }
}
