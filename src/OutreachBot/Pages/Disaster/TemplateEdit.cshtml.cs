using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using OutreachBot.Disaster.Templates;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Disaster;

/// <summary>Adds a disaster template (no id in the route) or edits one: its name, and a title and a body per language.</summary>
public sealed class TemplateEditModel(DisasterTemplateStore templates, DisasterTemplateEditor editor) : ConsolePage
{
    public long? Id => RouteData.Values["id"] is string id ? long.Parse(id, CultureInfo.InvariantCulture) : null;

    public bool IsNew => Id is null;

    [BindProperty]
    public TemplateForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (IsNew)
        {
            return Page();
        }

        if (await templates.FindAsync(Id!.Value, HttpContext.RequestAborted) is not { } template)
        {
            return NotFound();
        }

        Input = new TemplateForm
        {
            Name = template.Name,
            Texts = template.Texts.ToDictionary(t => t.Key, t => new TemplateTextInput(t.Value.Title, t.Value.Body)),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var cancel = HttpContext.RequestAborted;
        if (!await CanAsync(ConsolePolicies.Edit))
        {
            return Forbid();
        }

        if (!IsNew && await templates.FindAsync(Id!.Value, cancel) is null)
        {
            return NotFound();
        }

        var (draft, errors) = new DisasterTemplateInput(Input.Name, Input.Texts!).ToDraft();
        AddErrors(errors);
        if (Errors.Count > 0)
        {
            return Page();
        }

        var actor = StaffActor.Of(HttpContext);
        if (IsNew)
        {
            await editor.CreateAsync(draft!, actor, cancel);
        }
        else
        {
            await editor.UpdateAsync(Id!.Value, draft!, actor, cancel);
        }

        Notice = ConsoleText.S("テンプレートを保存しました。", "The template was saved.");
        return Redirect("/console/disaster/templates");
    }
}

/// <summary>The template form as typed: a title and a body per language code.</summary>
public sealed class TemplateForm
{
    public string? Name { get; set; }

    public Dictionary<string, TemplateTextInput> Texts { get; set; } = [];

    public TemplateTextInput TextIn(string language) => Texts.GetValueOrDefault(language) ?? new TemplateTextInput(null, null);
}
