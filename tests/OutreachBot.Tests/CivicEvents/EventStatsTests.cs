using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OutreachBot.Staff;
using OutreachBot.Tests.Infrastructure;
using OutreachBot.Tests.StaffConsole;

namespace OutreachBot.Tests.CivicEvents;

/// <summary>
/// What staff see an event and a month add up to: applied, waiting, attended, no-shows, the ratings and comments of the
/// thanks; in the API, on the roster, on the month's participants page and its CSV.
/// </summary>
public abstract class EventStatsTests(string provider) : IAsyncLifetime
{
    private const string ViewerKey = "stats-viewer-key";
    private const string EditorKey = "stats-editor-key";

    private ConversationHost _host = null!;

    public async Task InitializeAsync() => _host = await ConversationHost.StartAsync(provider, new Dictionary<string, string?>(Applicants.NoticesAtOnce)
    {
        ["Api:Keys:1:Key"] = ViewerKey,
        ["Api:Keys:1:Account"] = "stats-viewer",
        ["Api:Keys:1:Role"] = "viewer",
        ["Api:Keys:2:Key"] = EditorKey,
        ["Api:Keys:2:Account"] = "stats-editor",
        ["Api:Keys:2:Role"] = "editor",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [SkippableFact]
    public async Task HeldEvent_CountsRatingsAndComments_InTheApiTheRosterAndTheMonth()
    {
        using var api = _host.Bot.CreateApiClient();
        var id = await ApplicationChatTests.CreateAsync(api, ApplicationChatTests.Seminar(capacity: 3));
        var pleased = await Applicants.AppliedAsync(_host, "Ustatspleased0000000000000000001", id);
        var lukewarm = await Applicants.AppliedAsync(_host, "Ustatslukewarm000000000000000001", id);
        await Applicants.AppliedAsync(_host, "Ustatsnoshow00000000000000000001", id);
        await Applicants.AppliedAsync(_host, "Ustatswaiting0000000000000000001", id);
        foreach (var number in new[] { 1, 2 })
        {
            using var marked = await api.PostAsync($"/api/v1/events/{id}/applications/{number}/attended", null);
            Assert.True(marked.IsSuccessStatusCode);
        }

        await Applicants.HeldYesterdayAsync(_host, id);
        await Applicants.ThanksAsync(pleased);
        await Applicants.ThanksAsync(lukewarm);
        await pleased.TapAsync($"v1|rate|{id}.1.5");
        await pleased.TapAsync($"v1|comment|{id}.1");
        await pleased.SayAsync("講師の話が具体的でよかった");
        await lukewarm.TapAsync($"v1|rate|{id}.2.2");
        var month = Applicants.Yesterday.ToString("yyyy-MM", CultureInfo.InvariantCulture);

        var stats = await api.GetFromJsonAsync<JsonElement>($"/api/v1/events/{id}/stats");
        var perMonth = await api.GetFromJsonAsync<JsonElement>($"/api/v1/stats/events?month={month}");
        using var badMonth = await api.GetAsync("/api/v1/stats/events?month=2026-13");

        Assert.Equal(
            """{"eventId":ID,"applied":3,"waiting":1,"attended":2,"noShows":1,"ratings":2,"averageRating":3.5}""".Replace("ID", id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
            JsonSerializer.Serialize(JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(stats.GetRawText())!.Where(p => p.Key != "comments").ToDictionary()));
        var comment = Assert.Single(stats.GetProperty("comments").EnumerateArray());
        Assert.Equal(5, comment.GetProperty("rating").GetInt32());
        Assert.Equal("講師の話が具体的でよかった", comment.GetProperty("comment").GetString());
        Assert.Equal(month, perMonth.GetProperty("month").GetString());
        Assert.Equal(3, perMonth.GetProperty("applied").GetInt32());
        Assert.Equal(2, perMonth.GetProperty("attended").GetInt32());
        var row = Assert.Single(perMonth.GetProperty("events").EnumerateArray());
        Assert.Equal("とみさと協働塾", row.GetProperty("title").GetString());
        Assert.Equal(1, row.GetProperty("noShows").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, badMonth.StatusCode);

        using var editor = await ConsoleSession.SignedInAsync(_host.Bot, StaffRole.Editor);
        var roster = await editor.GetPageAsync($"/console/events/{id}/roster");
        Assert.Contains("data-testid=\"average-rating\">3.50<", roster);
        Assert.Contains("講師の話が具体的でよかった", roster);

        using var viewer = await ConsoleSession.SignedInAsync(_host.Bot, StaffRole.Viewer, "kpi-viewer");
        var page = await viewer.GetPageAsync($"/console/events/participation?month={month}");
        using var csv = await viewer.Client.GetAsync($"/console/events/participation?handler=Csv&month={month}");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Contains("data-testid=\"month-applied\">3<", page);
        Assert.Contains("data-testid=\"month-attended\">2<", page);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.StartsWith("イベント番号 / Event,イベント名 / Title", lines[0]);
        Assert.Matches($"^{id},とみさと協働塾,{month}-\\d\\d 10:00,3,1,2,1,2,3.50$", lines[1]);
        Assert.Equal($",合計 / Total {month},,3,,2,,,", lines[2]);
    }

    [SkippableFact]
    public async Task Roles_AnEventsFiguresNameCitizensCommentsSoAViewersKeyGets403_TheMonthsFiguresAnyKeyReads()
    {
        using var api = _host.Bot.CreateApiClient();
        var id = await ApplicationChatTests.CreateAsync(api, ApplicationChatTests.Seminar(capacity: 3));

        using var viewerStats = await GetAsync(ViewerKey, $"/api/v1/events/{id}/stats");
        using var viewerMonth = await GetAsync(ViewerKey, "/api/v1/stats/events");
        using var editorStats = await GetAsync(EditorKey, $"/api/v1/events/{id}/stats");
        using var noKey = await _host.Bot.CreateClient().GetAsync($"/api/v1/events/{id}/stats");

        Assert.Equal(HttpStatusCode.Forbidden, viewerStats.StatusCode);
        Assert.DoesNotContain("comments", await viewerStats.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, viewerMonth.StatusCode);
        Assert.Equal(HttpStatusCode.OK, editorStats.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
    }

    [SkippableFact]
    public async Task OpenApi_NamesBothFiguresEndpointsWithTheirTypes()
    {
        using var api = _host.Bot.CreateApiClient();
        using var document = JsonDocument.Parse(await api.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");

        Assert.Contains("EventStatsView", Schema(paths, "/api/v1/events/{id}/stats"));
        Assert.Contains("MonthParticipation", Schema(paths, "/api/v1/stats/events"));
    }

    private async Task<HttpResponseMessage> GetAsync(string key, string path)
    {
        using var client = _host.Bot.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return await client.GetAsync(path);
    }

    private static string Schema(JsonElement paths, string path) =>
        paths.GetProperty(path).GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content")
            .GetProperty("application/json").GetProperty("schema").GetRawText();
}

public sealed class EventStatsTestsOnSqlite() : EventStatsTests("Sqlite");

public sealed class EventStatsTestsOnPostgres() : EventStatsTests("Postgres");
