using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OutreachBot.StaffConsole;
using OutreachBot.Surveys;

namespace OutreachBot.Pages.Surveys;

/// <summary>Builds a survey: the API's rules, each error beside its field, everything typed kept.</summary>
public sealed class NewModel(SurveyEditor editor, IOptions<BotOptions> bot, TimeProvider time) : ConsolePage
{
    [BindProperty]
    public SurveyForm Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (draft, errors) = Input.ToInput().ToDraft(bot.Value.Zone, time.GetUtcNow());
        if (draft is null)
        {
            AddErrors(errors);
            return Page();
        }

        await editor.CreateAsync(draft, StaffActor.Of(HttpContext), HttpContext.RequestAborted);
        Notice = ConsoleText.S($"アンケート「{draft.Title}」を作成しました。", $"The survey \"{draft.Title}\" was created.");
        return Redirect("/console/surveys");
    }
}
