using Microsoft.AspNetCore.Mvc;
using OutreachBot.Disaster.Templates;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Disaster;

/// <summary>防災テンプレート: the disaster messages staff keep translated, with the languages each still lacks; editors add, edit and delete them.</summary>
public sealed class TemplatesModel(DisasterTemplateStore templates, DisasterTemplateEditor editor) : ConsolePage
{
    public IReadOnlyList<DisasterTemplate> Templates { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public async Task OnGetAsync()
    {
        Templates = await templates.ListAsync(HttpContext.RequestAborted);
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
            Notice = ConsoleText.S("テンプレートを削除しました。", "The template was deleted.");
        }

        return RedirectToPage();
    }
}
