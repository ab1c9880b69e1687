using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using OutreachBot.Tests.Broadcasts;

namespace OutreachBot.Tests.Analytics;

/// <summary>
/// A broadcast's links go out as <c>/r/{code}</c> on the bot's public address: the redirect counts the click (unique
/// per visitor a day, by a salted hash only) and answers 302 to the URL the broadcast held; a forged code is a 404.
/// </summary>
public abstract partial class ClickTests(string provider) : IAsyncLifetime
{
    private const string PublicBaseUrl = "https://outreach.city.example.jp/";
    private AnalyticsHarness _a = null!;

    public async Task InitializeAsync() => _a = new(await BroadcastHarness.StartAsync(provider, new Dictionary<string, string?>
    {
        ["Site:PublicBaseUrl"] = PublicBaseUrl,
    }));

    public async Task DisposeAsync() => await _a.H.DisposeAsync();

    [SkippableFact]
    public async Task Sent_TheLinkReachesLineAsACodeOnTheBotsAddress_NotAsWritten()
    {
        var (_, citizens) = await _a.SendAsync(2);

        var text = _a.LineOf(citizens[0]).Text;
        Assert.DoesNotContain(AnalyticsHarness.Link, text, StringComparison.Ordinal);
        Assert.Matches($"^清掃活動の参加者を募集しています。 {Regex.Escape(PublicBaseUrl)}r/[A-Za-z0-9_-]{{22}}$", text);
        Assert.Equal(text, _a.LineOf(citizens[1]).Text);
    }

    [SkippableFact]
    public async Task Opened_CountsEachClickAndEachVisitorOnceADay_AndRedirectsToTheUrlTheBroadcastHeld()
    {
        var (id, citizens) = await _a.SendAsync(1);
        var path = new Uri(LinkIn(_a.LineOf(citizens[0]).Text)).AbsolutePath;

        using var first = await OpenAsync(path, "Phone A");
        using var again = await OpenAsync(path, "Phone A");
        using var other = await OpenAsync(path, "Phone B");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(AnalyticsHarness.Link, first.Headers.Location!.OriginalString);
        var clicks = Assert.Single((await _a.ViewAsync(id))["clicks"]!.AsArray())!;
        Assert.Equal(("line", AnalyticsHarness.Link, 3L, 2L), (clicks.Text("channel"), clicks.Text("url"), clicks.Number("clicks"), clicks.Number("uniqueClicks")));
        var visitors = await _a.H.Database.ScalarAsync<long>("SELECT COUNT(*) FROM click_visitors WHERE visitor LIKE '%Phone%'");
        Assert.Equal(0L, visitors);
    }

    [SkippableFact]
    public async Task Opened_AForgedCode_Answers404AndCountsNothing()
    {
        var (_, citizens) = await _a.SendAsync(1);
        var real = new Uri(LinkIn(_a.LineOf(citizens[0]).Text)).AbsolutePath;

        using var forged = await OpenAsync(real[..^2] + (real.EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA"), "Phone A");
        using var made = await OpenAsync("/r/https%3A%2F%2Fevil.example", "Phone A");

        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, made.StatusCode);
        Assert.Null(forged.Headers.Location);
        Assert.Equal(0L, await _a.H.Database.ScalarAsync<long>("SELECT COUNT(*) FROM click_days"));
    }

    private async Task<HttpResponseMessage> OpenAsync(string path, string userAgent)
    {
        using var client = _a.H.Bot.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent.Replace(' ', '-'));
        return await client.GetAsync(path);
    }

    private static string LinkIn(string text) => Code().Match(text).Value;

    [GeneratedRegex(@"https://\S+/r/\S+")]
    private static partial Regex Code();
}

public sealed class ClickTestsOnSqlite() : ClickTests("Sqlite");

public sealed class ClickTestsOnPostgres() : ClickTests("Postgres");
