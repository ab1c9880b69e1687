using Microsoft.AspNetCore.Mvc;
using OutreachBot.Consultations;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Faq;

/// <summary>The FAQ entries by language; editors add, edit and delete them.</summary>
public sealed class IndexModel(FaqStore faq, FaqEditor editor) : ConsolePage
{
    public IReadOnlyList<FaqEntry> Entries { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public async Task OnGetAsync()
    {
        Entries = await faq.ListAsync(includeArchived: true, HttpContext.RequestAborted);
        CanEdit = await CanAsync(ConsolePolicies.Edit);
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id)
    {
        if (!await CanAsync(ConsolePolicies.Edit))
        {
            return Forbid();
        }

        if (await editor.DeleteAsync(id, StaffActor.Of(HttpContext), HttpContext.RequestAborted))
        {
            Notice = ConsoleText.S("FAQを削除しました。", "The FAQ entry was deleted.");
        }

        return RedirectToPage();
    }
}
