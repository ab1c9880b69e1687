using Microsoft.AspNetCore.Mvc;
using OutreachBot.Consultations;
using OutreachBot.Staff;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Faq;

/// <summary>The FAQ entries by language; editors add, edit and delete them.</summary>
public sealed class IndexModel(FaqStore faq, AuditLog audit) : ConsolePage
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

        if (await faq.FindAsync(id, HttpContext.RequestAborted) is { } entry && await faq.DeleteAsync(id, HttpContext.RequestAborted))
        {
            await audit.WriteAsync(HttpContext, AuditActions.FaqDeleted, $"faq:{id}", $"{entry.Language}: {string.Join(", ", entry.Keywords)}");
            Notice = ConsoleText.S("FAQを削除しました。", "The FAQ entry was deleted.");
        }

        return RedirectToPage();
    }
}
