using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace OutreachBot.LineEmulator.Tests.Api;

/// <summary>LINE's limits on switching many menus, as raw HTTP meets them.</summary>
public sealed class RichMenuBatchApiTests
{
    private static string ShownMenu(ApiHost host)
    {
        using var request = JsonDocument.Parse("""{"size":{"width":2500,"height":843},"selected":false,"name":"m","chatBarText":"menu","areas":[]}""");
        var menu = host.Line.RichMenus.Create(request.RootElement)!;
        host.Line.RichMenus.SetImage(menu, [1], "image/png");
        return menu.RichMenuId;
    }

    [Fact]
    public async Task Batch_FourthWithinAnHourWhenEnforced_Answers429UntilTheHourHasPassed()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2025-04-01T00:00:00Z", CultureInfo.InvariantCulture));
        await using var host = await ApiHost.StartAsync(o => o.EnforceRateLimits = true, time);
        var body = $$"""{"operations":[{"type":"link","from":"{{ShownMenu(host)}}","to":"{{ShownMenu(host)}}"}]}""";

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await host.PostAsync("v2/bot/richmenu/batch", body);
            statuses.Add(response.StatusCode);
            time.Advance(TimeSpan.FromMinutes(10));
        }

        time.Advance(TimeSpan.FromMinutes(30));
        using var nextHour = await host.PostAsync("v2/bot/richmenu/batch", body);

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.Accepted, nextHour.StatusCode);
    }

    [Fact]
    public async Task Batch_Accepted_CarriesTheRequestIdItsProgressIsAskedBy()
    {
        await using var host = await ApiHost.StartAsync();
        var body = $$"""{"operations":[{"type":"unlinkAll"}]}""";

        using var response = await host.PostAsync("v2/bot/richmenu/batch", body);
        var requestId = response.Headers.GetValues("x-line-request-id").Single();
        using var progress = await host.Http.GetAsync(new Uri($"v2/bot/richmenu/progress/batch?requestId={requestId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, progress.StatusCode);
        Assert.Contains("acceptedTime", await progress.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BulkLink_Over500UsersOrBatchWithoutOperations_Answers400()
    {
        await using var host = await ApiHost.StartAsync();
        var ids = string.Join(",", Enumerable.Range(0, 501).Select(i => $"\"U{i}\""));

        using var bulk = await host.PostAsync("v2/bot/richmenu/bulk/link", $$"""{"richMenuId":"{{ShownMenu(host)}}","userIds":[{{ids}}]}""");
        using var empty = await host.PostAsync("v2/bot/richmenu/batch", """{"operations":[]}""");
        using var noUsers = await host.PostAsync("v2/bot/richmenu/bulk/unlink", """{"userIds":[]}""");

        Assert.Equal(HttpStatusCode.BadRequest, bulk.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noUsers.StatusCode);
    }
}
