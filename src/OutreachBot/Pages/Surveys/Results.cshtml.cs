using Microsoft.AspNetCore.Mvc;
using OutreachBot.StaffConsole;
using OutreachBot.Surveys;

namespace OutreachBot.Pages.Surveys;

/// <summary>A survey's results as the API gives them (small cells hidden), and their CSV.</summary>
public sealed class ResultsModel(SurveyStore surveys, SurveyResults results) : ConsolePage
{
    public SurveyResultsView Results { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (await surveys.FindAsync(id, HttpContext.RequestAborted) is not { } survey)
        {
            return NotFound();
        }

        Results = await results.ForAsync(survey, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(long id) =>
        await surveys.FindAsync(id, HttpContext.RequestAborted) is { } survey
            ? File(SurveyResultsCsv.Write(await results.ForAsync(survey, HttpContext.RequestAborted)), "text/csv; charset=utf-8", $"survey-{id}-results.csv")
            : NotFound();
}
