using Microsoft.AspNetCore.Mvc;
using OutreachBot.StaffConsole;
using OutreachBot.Surveys;

namespace OutreachBot.Pages.Surveys;

/// <summary>A survey's results as the API gives them (small cells hidden), their CSV, and closing it early.</summary>
public sealed class ResultsModel(SurveyStore surveys, SurveyResults results, SurveyEditor editor, TimeProvider time) : ConsolePage
{
    public SurveyResultsView Results { get; private set; } = null!;

    public bool Open { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (await surveys.FindAsync(id, HttpContext.RequestAborted) is not { } survey)
        {
            return NotFound();
        }

        Results = await results.ForAsync(survey, HttpContext.RequestAborted);
        Open = survey.IsOpenAt(time.GetUtcNow());
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(long id) =>
        await surveys.FindAsync(id, HttpContext.RequestAborted) is { } survey
            ? File(SurveyResultsCsv.Write(await results.ForAsync(survey, HttpContext.RequestAborted)), "text/csv; charset=utf-8", $"survey-{id}-results.csv")
            : NotFound();

    public async Task<IActionResult> OnPostCloseAsync(long id)
    {
        if (!await CanAsync(ConsolePolicies.Edit))
        {
            return Forbid();
        }

        Notice = await editor.CloseAsync(id, StaffActor.Of(HttpContext), HttpContext.RequestAborted)
            ? ConsoleText.S("アンケートを締め切りました。これ以降の回答は受け付けません。", "The survey is closed: no more answers are taken.")
            : ConsoleText.S("このアンケートは締め切り済みです。", "The survey has closed already.");
        return RedirectToPage(new { id });
    }
}
