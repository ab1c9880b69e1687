using System.Text;
using OutreachBot.Staff;
using OutreachBot.Tests.Surveys;

namespace OutreachBot.Tests.StaffConsole;

/// <summary>A viewer reads a survey's results in the console, small cells hidden, and downloads them as CSV.</summary>
public abstract class SurveyPagesTests(string provider) : ConsoleHost(provider)
{
    [SkippableFact]
    public async Task Results_ShownToAViewerWithSmallCellsHidden_AndAsCsvWithBom()
    {
        using var api = Bot.CreateApiClient();
        var id = await SurveysApiTests.CreateAsync(api, SurveysApiTests.Awareness());
        for (var i = 0; i < 6; i++)
        {
            await Database.ExecuteAsync(
                $"INSERT INTO survey_answers (survey_id, respondent, question, choice, text, language, topics, answered_at) VALUES ({id}, 'U{i}', 0, {(i < 5 ? 0 : 1)}, NULL, 'ja', '', 0)");
        }

        using var viewer = await ConsoleSession.SignedInAsync(Bot, StaffRole.Viewer);
        var page = await viewer.GetPageAsync($"/console/surveys/{id}");
        var csv = await viewer.Client.GetByteArrayAsync($"/console/surveys/{id}?handler=Csv");

        Assert.Contains("<td>5 (83.3%)</td>", page);
        Assert.Contains("title=\"5未満\">—</td>", page);
        Assert.Contains($"<a href=\"/console/surveys/{id}\">市民活動アンケート</a>", await viewer.GetPageAsync("/console/surveys"));
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        Assert.Contains("1,single,市民活動を知っていますか,all,,6,知っている,5,83.3", Encoding.UTF8.GetString(csv));
    }
}

public sealed class SurveyPagesTestsOnSqlite() : SurveyPagesTests("Sqlite");

public sealed class SurveyPagesTestsOnPostgres() : SurveyPagesTests("Postgres");
