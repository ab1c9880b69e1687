using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.CivicEvents.Applications;
using OutreachBot.Staff;
using OutreachBot.Tests.StaffConsole;

namespace OutreachBot.Tests.CivicEvents;

/// <summary>The roster, the door and the CSV in the console: editors only, every reading audited.</summary>
public abstract class RosterPagesTests(string provider) : ConsoleHost(provider)
{
    [SkippableFact]
    public async Task Roster_WalkInAttendedAndCsv_CountsAndExportFollowAndReadingsAreAudited()
    {
        using var editor = await ConsoleSession.SignedInAsync(Bot, StaffRole.Editor);
        var id = await ApplicationStoreTests.CreateEventAsync(Bot, capacity: 3, maxPartySize: 2);
        var store = Bot.Services.GetRequiredService<ApplicationStore>();
        await store.ApplyAsync(new ApplicationRequest(id, "Urosterpage1", "line", 2, [], "k1"), DateTimeOffset.UtcNow, default);

        using var added = await editor.PostFormAsync($"/console/events/{id}/roster?handler=Add", new() { ["WalkIn.Name"] = "七栄 一郎", ["WalkIn.Phone"] = "0476-93-0000", ["WalkIn.PartySize"] = "1" });
        using var attended = await editor.PostFormAsync($"/console/events/{id}/door?handler=Attend&number=1", []);
        var roster = await editor.GetPageAsync($"/console/events/{id}/roster");
        var door = await editor.GetPageAsync($"/console/events/{id}/door?q=七栄");
        using var csv = await editor.Client.GetAsync($"/console/events/{id}/roster?handler=Csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, attended.StatusCode);
        Assert.Contains("data-testid=\"count-applied\">3<", roster);
        Assert.Contains("data-testid=\"count-waiting\">0<", roster);
        Assert.Contains("data-testid=\"count-attended\">2<", roster);
        Assert.Contains("七栄 一郎", roster);
        Assert.Contains("0476-93-0000", roster);
        Assert.Contains("data-number=\"2\"", door);
        Assert.DoesNotContain("data-number=\"1\"", door);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.StartsWith("番号 / No.,状態 / Status", lines[0]);
        Assert.StartsWith("1,attended,,2,", lines[1]);
        Assert.StartsWith("2,confirmed,,1,七栄 一郎,0476-93-0000,staff,", lines[2]);
        Assert.Equal(5L, await Database.ScalarAsync<long>($"SELECT COUNT(*) FROM audit_log WHERE action = 'event.roster_viewed' AND target = 'event:{id}' AND actor = 'editor-user'"));
        Assert.Equal(1L, await Database.ScalarAsync<long>($"SELECT COUNT(*) FROM audit_log WHERE action = 'event.application_added' AND actor = 'editor-user'"));
        Assert.Equal(1L, await Database.ScalarAsync<long>($"SELECT COUNT(*) FROM audit_log WHERE action = 'event.attended' AND actor = 'editor-user'"));
    }

    [SkippableFact]
    public async Task Roster_Viewer_Refused()
    {
        using var viewer = await ConsoleSession.SignedInAsync(Bot, StaffRole.Viewer);
        var id = await ApplicationStoreTests.CreateEventAsync(Bot, capacity: 3);

        using var roster = await viewer.Client.GetAsync($"/console/events/{id}/roster");
        using var door = await viewer.Client.GetAsync($"/console/events/{id}/door");

        Assert.NotEqual(HttpStatusCode.OK, roster.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, door.StatusCode);
        Assert.Equal(0L, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'event.roster_viewed'"));
    }

    [SkippableFact]
    public async Task WalkIn_NoName_ErrorBesideTheFieldAndNothingStored()
    {
        using var editor = await ConsoleSession.SignedInAsync(Bot, StaffRole.Editor);
        var id = await ApplicationStoreTests.CreateEventAsync(Bot, capacity: 3);

        using var response = await editor.PostFormAsync($"/console/events/{id}/roster?handler=Add", new() { ["WalkIn.Name"] = "", ["WalkIn.Phone"] = "0476-93-0000" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"e-name\"", html);
        Assert.Contains("value=\"0476-93-0000\"", html);
        Assert.Equal(0L, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM event_applications"));
    }
}

public sealed class RosterPagesTestsOnSqlite() : RosterPagesTests("Sqlite");

public sealed class RosterPagesTestsOnPostgres() : RosterPagesTests("Postgres");
