using Microsoft.AspNetCore.Mvc;
using OutreachBot.Consultations;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Faq;

/// <summary>Adds an FAQ entry (no id in the route) or edits one: its language, keywords and answer, with the API's limits.</summary>
public sealed class EditModel(FaqStore faq, FaqEditor editor) : ConsolePage
{
    private static readonly char[] KeywordSeparators = ['\n', ',', '、', '，'];

    public long? Id => RouteData.Values["id"] is string id ? long.Parse(id, System.Globalization.CultureInfo.InvariantCulture) : null;

    public bool IsNew => Id is null;

    [BindProperty]
    public FaqForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (IsNew)
        {
            return Page();
        }

        if (await faq.FindAsync(Id!.Value, HttpContext.RequestAborted) is not { } entry)
        {
            return NotFound();
        }

        Input = new FaqForm { Language = entry.Language, Keywords = string.Join("\n", entry.Keywords), Answer = entry.Answer, Archived = entry.Archived };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var cancel = HttpContext.RequestAborted;
        if (!IsNew && await faq.FindAsync(Id!.Value, cancel) is null)
        {
            return NotFound();
        }

        var keywords = (Input.Keywords ?? "").Split(KeywordSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        var (draft, errors) = new FaqInput(Input.Language, keywords, Input.Answer, Input.Archived).ToDraft();
        AddErrors(errors);
        if (Errors.Count > 0)
        {
            return Page();
        }

        var actor = StaffActor.Of(HttpContext);
        if (IsNew)
        {
            await editor.CreateAsync(draft, actor, cancel);
        }
        else
        {
            await editor.UpdateAsync(Id!.Value, draft, actor, cancel);
        }

        Notice = ConsoleText.S("FAQを保存しました。", "The FAQ entry was saved.");
        return Redirect("/console/faq");
    }
}

/// <summary>The FAQ form as typed: keywords one per line (or separated by commas), kept whole on an error.</summary>
public sealed class FaqForm
{
    public string? Language { get; set; } = Languages.Japanese;

    public string? Keywords { get; set; }

    public string? Answer { get; set; }

    public bool Archived { get; set; }
}
