using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.CivicEvents;
using OutreachBot.Staff;
using OutreachBot.StaffConsole;
using OutreachBot.Subscriptions;

namespace OutreachBot.Tests.StaffConsole;

public abstract class EventPagesTests(string provider) : ConsoleHost(provider)
{
    private static readonly DateOnly Day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10));
    private static readonly string DayText = Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [SkippableFact]
    public async Task Create_ValidEvent_StoresTheJstTimeListsItAndSchedulesItsReminder()
    {
        using var editor = await ConsoleSession.SignedInAsync(Bot, StaffRole.Editor);

        using var response = await editor.PostFormAsync("/console/events/edit", Form("市民活動フェスタ", english: "Civic Festival"));

        var id = await Database.ScalarAsync<long>("SELECT MAX(id) FROM civic_events");
        Assert.Equal($"/console/events/{id}", ConsoleSession.PathOf(response));
        var expected = new DateTimeOffset(Day.ToDateTime(new TimeOnly(13, 30)), TimeSpan.FromHours(9)).ToUnixTimeMilliseconds();
        Assert.Equal(expected, await Database.ScalarAsync<long>($"SELECT starts_at FROM civic_events WHERE id = {id}"));
        var list = await editor.GetPageAsync("/console/events");
        Assert.Contains("市民活動フェスタ", list);
        Assert.Contains($"{DayText} 13:30", list);
        Assert.Contains("Civic Festival", await editor.GetPageAsync($"/console/events/{id}"));
        Assert.Equal(1L, await Database.ScalarAsync<long>($"SELECT COUNT(*) FROM broadcasts WHERE reminder_event_id = '{id}'"));
        Assert.Equal(1, await CountAuditAsync(AuditActions.EventCreated, "editor-user"));
    }

    [SkippableFact]
    public async Task Create_Mistakes_ShowsEachErrorBesideItsFieldAndKeepsWhatWasTyped()
    {
        using var editor = await ConsoleSession.SignedInAsync(Bot, StaffRole.Editor);
        var form = Form("", english: "Only English");
        form["Input.Url"] = "ftp://example.org/x";
        form["Input.ImageUrl"] = "http://example.org/a.png";
        form["Input.EndDate"] = DayText;
        form["Input.EndTime"] = "09:00";

        using var response = await editor.PostFormAsync("/console/events/edit", form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var field in new[] { "titles-ja", "url", "imageUrl", "endsAt" })
        {
            Assert.Contains($"id=\"e-{field}\"", html);
        }

        Assert.Contains("日本語のタイトルは必須です。", html);
        Assert.DoesNotContain("A Japanese title is required.", html);
        Assert.Contains("value=\"Only English\"", html);
        Assert.Contains("value=\"ftp://example.org/x\"", html);
        Assert.Contains("value=\"中央公民館 2階\"", html);
        Assert.Equal(0L, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM civic_events"));
    }

    [SkippableFact]
    public async Task Create_NoStartTime_AsksForItBesideTheDate()
    {
        using var editor = await ConsoleSession.SignedInAsync(Bot, StaffRole.Editor);
        var form = Form("防災訓練");
        form["Input.StartTime"] = "";

        using var response = await editor.PostFormAsync("/console/events/edit", form);

        Assert.Contains("開始の日付と時刻を入力してください。", await response.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task Edit_Twice_MovesTheOneReminderBroadcast()
    {
        using var editor = await ConsoleSession.SignedInAsync(Bot, StaffRole.Editor);
        var id = await CreateAsync(editor, "講座");

        var form = Form("講座（変更）");
        form["Input.StartTime"] = "15:00";
        (await editor.PostFormAsync($"/console/events/edit/{id}", form)).Dispose();
        form["Input.StartTime"] = "16:00";
        (await editor.PostFormAsync($"/console/events/edit/{id}", form)).Dispose();

        Assert.Equal("講座（変更）", await Database.ScalarAsync<string>($"SELECT title FROM civic_event_texts WHERE event_id = {id} AND language = 'ja'"));
        Assert.Equal(1L, await Database.ScalarAsync<long>($"SELECT COUNT(*) FROM broadcasts WHERE reminder_event_id = '{id}' AND state <> 'cancelled'"));
        Assert.Equal(2, await CountAuditAsync(AuditActions.EventUpdated, "editor-user"));
    }

    [SkippableFact]
    public async Task Cancel_Event_LeavesTheUpcomingListAndWithdrawsItsReminder()
    {
        using var editor = await ConsoleSession.SignedInAsync(Bot, StaffRole.Editor);
        var id = await CreateAsync(editor, "清掃ボランティア");

        using var response = await editor.PostFormAsync($"/console/events/{id}?handler=Cancel", [], $"/console/events/{id}");

        Assert.Equal($"/console/events/{id}", ConsoleSession.PathOf(response));
        Assert.True(await Database.ScalarAsync<bool>($"SELECT cancelled FROM civic_events WHERE id = {id}"));
        Assert.Equal("cancelled", await Database.ScalarAsync<string>($"SELECT state FROM broadcasts WHERE reminder_event_id = '{id}'"));
        var list = await editor.GetPageAsync("/console/events");
        Assert.Contains("終了・中止したイベント", list);
        Assert.Contains("中止", list);
        Assert.Equal(1, await CountAuditAsync(AuditActions.EventCancelled, "editor-user"));
    }

    [SkippableFact]
    public async Task Detail_CitizensAskedForAReminder_ShowsHowMany()
    {
        using var editor = await ConsoleSession.SignedInAsync(Bot, StaffRole.Editor);
        var id = await CreateAsync(editor, "子ども食堂");
        var citizens = Bot.Services.GetRequiredService<CitizenStore>();
        var reminders = Bot.Services.GetRequiredService<EventReminderStore>();
        for (var i = 0; i < 3; i++)
        {
            await citizens.FollowAsync($"Uremind{i:D25}", "ja", null, DateTimeOffset.FromUnixTimeMilliseconds(1), default);
            await reminders.RequestAsync($"Uremind{i:D25}", id, DateTimeOffset.FromUnixTimeMilliseconds(2), default);
        }

        await reminders.CancelAsync("Uremind0000000000000000000000000", id, DateTimeOffset.FromUnixTimeMilliseconds(3), default);

        Assert.Contains("2 <span lang=\"ja\">人</span>", await editor.GetPageAsync($"/console/events/{id}"));
    }

    [SkippableFact]
    public async Task Broadcasts_FromAnEvent_AnnouncementDraftForTheTopicAndTheReminderLinkedOnce()
    {
        using var editor = await ConsoleSession.SignedInAsync(Bot, StaffRole.Editor);
        var id = await CreateAsync(editor, "NPO交流会");

        using var response = await editor.PostFormAsync($"/console/events/{id}?handler=Broadcasts", [], $"/console/events/{id}");
        (await editor.PostFormAsync($"/console/events/{id}?handler=Broadcasts", [], $"/console/events/{id}")).Dispose();

        Assert.Equal($"/console/events/{id}", ConsoleSession.PathOf(response));
        var announcement = await Database.ScalarAsync<long>($"SELECT broadcast_id FROM civic_event_announcements WHERE event_id = {id}");
        Assert.Equal("draft", await Database.ScalarAsync<string>($"SELECT state FROM broadcasts WHERE id = {announcement}"));
        Assert.Equal("volunteer", await Database.ScalarAsync<string>(
            $"SELECT t.slug FROM broadcast_topics bt JOIN topics t ON t.id = bt.topic_id WHERE bt.broadcast_id = {announcement}"));
        using var messages = System.Text.Json.JsonDocument.Parse(await Database.ScalarAsync<string>($"SELECT messages FROM broadcasts WHERE id = {announcement}"));
        Assert.Contains("NPO交流会", messages.RootElement.GetProperty("ja")[0].GetProperty("altText").GetString());
        var reminder = await Database.ScalarAsync<long>($"SELECT id FROM broadcasts WHERE reminder_event_id = '{id}'");
        Assert.Equal(2L, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM broadcasts"));
        var page = await editor.GetPageAsync($"/console/events/{id}");
        Assert.Contains($"href=\"/console/broadcasts/{announcement}\"", page);
        Assert.Contains($"href=\"/console/broadcasts/{reminder}\"", page);
        Assert.Equal(2, await CountAuditAsync(AuditActions.EventBroadcastsCreated, "editor-user"));
    }

    [SkippableFact]
    public async Task Broadcasts_EventWithoutATopic_SaysTheAnnouncementNeedsOneAndStillLinksTheReminder()
    {
        using var editor = await ConsoleSession.SignedInAsync(Bot, StaffRole.Editor);
        var form = Form("ごみ拾い");
        form["Input.Topic"] = "";
        (await editor.PostFormAsync("/console/events/edit", form)).Dispose();
        var id = await Database.ScalarAsync<long>("SELECT MAX(id) FROM civic_events");

        (await editor.PostFormAsync($"/console/events/{id}?handler=Broadcasts", [], $"/console/events/{id}")).Dispose();

        var page = await editor.GetPageAsync($"/console/events/{id}");
        Assert.Contains("告知にはイベントのトピックが必要です", page);
        Assert.Equal(0L, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM civic_event_announcements"));
        Assert.Contains("data-testid=\"reminder-link\"", page);
    }

    [SkippableFact]
    public async Task Writes_Viewer_AreDeniedAndChangeNothing()
    {
        using var editor = await ConsoleSession.SignedInAsync(Bot, StaffRole.Editor);
        var id = await CreateAsync(editor, "見学会");
        using var viewer = await ConsoleSession.SignedInAsync(Bot, StaffRole.Viewer);

        var page = await viewer.GetPageAsync($"/console/events/{id}");
        using var cancel = await viewer.PostFormAsync($"/console/events/{id}?handler=Cancel", [], $"/console/events/{id}");
        using var broadcasts = await viewer.PostFormAsync($"/console/events/{id}?handler=Broadcasts", [], $"/console/events/{id}");

        Assert.DoesNotContain("handler=Cancel", page);
        Assert.All([cancel, broadcasts], r => Assert.Equal(StaffCookie.DeniedPath, ConsoleSession.PathOf(r)));
        Assert.False(await Database.ScalarAsync<bool>($"SELECT cancelled FROM civic_events WHERE id = {id}"));
        Assert.Equal(0L, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM civic_event_announcements"));
    }

    private static Dictionary<string, string> Form(string japanese, string? english = null)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Titles[ja]"] = japanese,
            ["Input.StartDate"] = DayText,
            ["Input.StartTime"] = "13:30",
            ["Input.Venue"] = "中央公民館 2階",
            ["Input.Url"] = "https://example.org/events/1",
            ["Input.Topic"] = "volunteer",
        };
        if (english is not null)
        {
            form["Input.Titles[en]"] = english;
        }

        return form;
    }

    private async Task<long> CreateAsync(ConsoleSession editor, string title)
    {
        using var response = await editor.PostFormAsync("/console/events/edit", Form(title));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await Database.ScalarAsync<long>("SELECT MAX(id) FROM civic_events");
    }
}

public sealed class EventPagesTestsOnSqlite() : EventPagesTests("Sqlite");

public sealed class EventPagesTestsOnPostgres() : EventPagesTests("Postgres");
