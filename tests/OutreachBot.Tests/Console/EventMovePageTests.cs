using System.Globalization;
using OutreachBot.Staff;
using OutreachBot.StaffConsole;

namespace OutreachBot.Tests.StaffConsole;

/// <summary>Editing an event in the console moves its broadcasts as the API does: the same rule, in the one service both call.</summary>
public abstract class EventMovePageTests(string provider) : ConsoleHost(provider)
{
    [SkippableFact]
    public async Task Edit_EventMovedToTomorrowNight_ReminderHeldAndItsPageSaysWhy()
    {
        using var editor = await ConsoleSession.SignedInAsync(Bot, StaffRole.Editor);
        using (await editor.PostFormAsync("/console/events/edit", Form(DateTime.UtcNow.AddDays(10))))
        {
        }

        var id = await Database.ScalarAsync<long>("SELECT MAX(id) FROM civic_events");
        var reminder = await Database.ScalarAsync<long>($"SELECT id FROM broadcasts WHERE reminder_event_id = '{id}'");
        Assert.Equal("scheduled", await Database.ScalarAsync<string>($"SELECT state FROM broadcasts WHERE id = {reminder}"));

        // Half past midnight tomorrow (Japan): 24 hours before is past, and so is the last minute before quiet hours.
        using (await editor.PostFormAsync($"/console/events/edit/{id}", Form(DateTime.UtcNow.AddHours(9).AddDays(1), "00:30")))
        {
        }

        Assert.Equal("draft", await Database.ScalarAsync<string>($"SELECT state FROM broadcasts WHERE id = {reminder}"));
        Assert.Contains("保留", await editor.GetPageAsync($"/console/broadcasts/{reminder}"));
    }

    private static Dictionary<string, string> Form(DateTime day, string time = "13:30") => new()
    {
        ["Input.Titles[ja]"] = "防災講座",
        ["Input.StartDate"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Input.StartTime"] = time,
        ["Input.Venue"] = "中央公民館",
        ["Input.Topic"] = "volunteer",
    };
}

public sealed class EventMovePageTestsOnSqlite() : EventMovePageTests("Sqlite");

public sealed class EventMovePageTestsOnPostgres() : EventMovePageTests("Postgres");
