using Microsoft.AspNetCore.Mvc;
using OutreachBot.Disaster.Shelters;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Disaster;

/// <summary>避難所: the shelters the disaster menu shows when open; editors add, edit, open or close and delete them, as <c>/api/v1/shelters</c> does.</summary>
public sealed class SheltersModel(ShelterStore shelters, ShelterEditor editor) : ConsolePage
{
    public IReadOnlyList<Shelter> Shelters { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public async Task OnGetAsync()
    {
        Shelters = await shelters.ListAsync(HttpContext.RequestAborted);
        CanEdit = await CanAsync(ConsolePolicies.Edit);
    }

    public async Task<IActionResult> OnPostOpenAsync(long id, bool open)
    {
        if (!await CanAsync(ConsolePolicies.Edit))
        {
            return Forbid();
        }

        if (await editor.SetOpenAsync(id, open, StaffActor.Of(HttpContext), HttpContext.RequestAborted))
        {
            Notice = open ? ConsoleText.S("避難所を開設にしました。", "The shelter is open.") : ConsoleText.S("避難所を閉鎖にしました。", "The shelter is closed.");
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id)
    {
        if (!await CanAsync(ConsolePolicies.Edit))
        {
            return Forbid();
        }

        if (await editor.DeleteAsync(id, StaffActor.Of(HttpContext), HttpContext.RequestAborted))
        {
            Notice = ConsoleText.S("避難所を削除しました。", "The shelter was deleted.");
        }

        return RedirectToPage();
    }
}
