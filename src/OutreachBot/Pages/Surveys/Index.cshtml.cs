using OutreachBot.StaffConsole;
using OutreachBot.Surveys;

namespace OutreachBot.Pages.Surveys;

/// <summary>Every survey, newest first; editors build new ones.</summary>
public sealed class IndexModel(SurveyStore surveys) : ConsolePage
{
    public IReadOnlyList<Survey> Surveys { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public async Task OnGetAsync()
    {
        Surveys = await surveys.ListAsync(HttpContext.RequestAborted);
        CanEdit = await CanAsync(ConsolePolicies.Edit);
    }
}
