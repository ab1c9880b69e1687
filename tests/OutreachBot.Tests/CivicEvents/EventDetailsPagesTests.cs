using System.Net;
using OutreachBot.Tests.StaffConsole;

namespace OutreachBot.Tests.CivicEvents;

/// <summary>The console's event form with its details and application settings.</summary>
public abstract class EventDetailsPagesTests(string provider) : ConsoleHost(provider)
{
    [SkippableFact]
    public async Task Create_DetailsAndAQuestion_StoredAndShownAgainInTheForm()
    {
        using var editor = await ConsoleSession.SignedInAsync(Bot, OutreachBot.Staff.StaffRole.Editor);
        var form = Form();

        using var response = await editor.PostFormAsync("/console/events/edit", form);

        var id = await Database.ScalarAsync<long>("SELECT MAX(id) FROM civic_events");
        Assert.Equal($"/console/events/{id}", ConsoleSession.PathOf(response));
        Assert.Equal(30L, await Database.ScalarAsync<long>($"SELECT capacity FROM civic_events WHERE id = {id}"));
        Assert.Contains("30席（残り30席）", await editor.GetPageAsync($"/console/events/{id}"));
        var again = await editor.GetPageAsync($"/console/events/edit/{id}");
        Assert.Contains("value=\"Civic Center\"", again);
        Assert.Contains("value=\"35.7267\"", again);
        Assert.Contains("オンライン</textarea>", again);
        Assert.Contains("Online</textarea>", again);
        var questions = await Database.ScalarAsync<string>($"SELECT questions FROM civic_events WHERE id = {id}");
        var choices = System.Text.Json.JsonDocument.Parse(questions).RootElement[0].GetProperty("choices");
        Assert.Equal("オンライン", choices[1].GetProperty("ja").GetString());
        Assert.Equal("Online", choices[1].GetProperty("en").GetString());
        Assert.Contains("<option value=\"choice\" selected=\"selected\">", again);
    }

    [SkippableFact]
    public async Task Create_DetailMistakes_ErrorBesideTheFieldAndNothingLost()
    {
        using var editor = await ConsoleSession.SignedInAsync(Bot, OutreachBot.Staff.StaffRole.Editor);
        var form = Form();
        form["Input.Details.Capacity"] = "三十";
        form["Input.Details.Latitude"] = "135";
        form["Input.Details.Questions[0].Choices[ja]"] = "ひとつ";

        using var response = await editor.PostFormAsync("/console/events/edit", form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"e-capacity\"", html);
        Assert.Contains("id=\"e-location\"", html);
        Assert.Contains("id=\"e-questions[0]-choices\"", html);
        Assert.Contains("value=\"三十\"", html);
        Assert.Contains("value=\"Civic Center\"", html);
        Assert.Equal(0L, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM civic_events"));
    }

    private static Dictionary<string, string> Form() => new()
    {
        ["Input.Titles[ja]"] = "マッチング交流会",
        ["Input.StartDate"] = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Input.StartTime"] = "13:30",
        ["Input.Venue"] = "市民活動センター",
        ["Input.Details.Venues[en]"] = "Civic Center",
        ["Input.Details.Descriptions[ja]"] = "団体と市民の出会いの場です。",
        ["Input.Details.Latitude"] = "35.7267",
        ["Input.Details.Longitude"] = "140.3431",
        ["Input.Details.Fee"] = "無料",
        ["Input.Details.Capacity"] = "30",
        ["Input.Details.MaxPartySize"] = "2",
        ["Input.Details.Questions[0].Kind"] = "choice",
        ["Input.Details.Questions[0].Texts[ja]"] = "参加方法",
        ["Input.Details.Questions[0].Choices[ja]"] = "会場\r\nオンライン",
        ["Input.Details.Questions[0].Choices[en]"] = "On site\r\nOnline",
    };
}

public sealed class EventDetailsPagesTestsOnSqlite() : EventDetailsPagesTests("Sqlite");

public sealed class EventDetailsPagesTestsOnPostgres() : EventDetailsPagesTests("Postgres");
