using System.Text.Json.Nodes;
using OutreachBot.Analytics.Insight;
using OutreachBot.Tests.Broadcasts;

namespace OutreachBot.Tests.Analytics;

/// <summary>
/// LINE's figures of a broadcast: its multicasts carry its aggregation unit, the daily reader asks the emulator (over
/// HTTP) for a day's statistics, and the broadcast's API shows them, figures under 20 as null and named.
/// </summary>
public abstract class InsightTests(string provider) : IAsyncLifetime
{
    private AnalyticsHarness _a = null!;

    public async Task InitializeAsync() => _a = new(await BroadcastHarness.StartAsync(provider, new Dictionary<string, string?>
    {
        ["Analytics:InsightReadsPerHour"] = "360000",
    }));

    public async Task DisposeAsync() => await _a.H.DisposeAsync();

    [SkippableFact]
    public async Task Sent_EveryMulticastCarriesTheBroadcastsAggregationUnit()
    {
        var (id, _) = await _a.SendAsync(12);

        var multicasts = _a.H.Line.Journal.For("/v2/bot/message/multicast");
        Assert.Equal(2, multicasts.Count);
        Assert.All(multicasts, m => Assert.Equal($"[\"broadcast_{id}\"]", JsonNode.Parse(m.Body!)!["customAggregationUnits"]!.ToJsonString()));
    }

    [SkippableFact]
    public async Task ReadForToday_FiguresChatPagesProduced_ShowInTheBroadcastsApi()
    {
        var (id, citizens) = await _a.SendAsync(22);
        foreach (var citizen in citizens)
        {
            await _a.ReportAsync(citizen, "seen");
        }

        foreach (var citizen in citizens.Take(20))
        {
            await _a.ReportAsync(citizen, "opened", AnalyticsHarness.Link);
        }

        var read = await _a.H.Get<InsightReader>().ReadAsync(LineDay.Of(DateTimeOffset.UtcNow), default);

        Assert.Equal(1, read);
        var day = Assert.Single((await _a.ViewAsync(id))["insight"]!.AsArray())!;
        Assert.Equal(LineDay.Of(DateTimeOffset.UtcNow).ToString(), day["day"]!.GetValue<string>());
        Assert.Equal((22L, 22L, 20L, 20L), (day.Number("impressions"), day.Number("uniqueImpressions"), day.Number("clicks"), day.Number("uniqueClicks")));
        Assert.Null(day["mediaPlayed"]);
        Assert.Equal(["mediaPlayed"], day["fewerThan20"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task ReadForToday_FewerThan20Readers_KeepsEveryFigureNullAndNamed_NeverZero()
    {
        var (id, citizens) = await _a.SendAsync(3);
        await _a.ReportAsync(citizens[0], "seen");

        await _a.H.Get<InsightReader>().ReadAsync(LineDay.Of(DateTimeOffset.UtcNow), default);

        var day = Assert.Single((await _a.ViewAsync(id))["insight"]!.AsArray())!;
        Assert.All(["impressions", "uniqueImpressions", "clicks", "uniqueClicks", "mediaPlayed"], name => Assert.Null(day[name]));
        Assert.Equal(5, day["fewerThan20"]!.AsArray().Count);
    }

    [SkippableFact]
    public async Task DayReadAfterItEnded_IsNotAskedForAgain_WhileADayStillRunningIs()
    {
        await _a.SendAsync(3);
        var today = LineDay.Of(DateTimeOffset.UtcNow);
        var reader = _a.H.Get<InsightReader>();

        var first = await reader.ReadAsync(today, default);
        var again = await reader.ReadAsync(today, default);
        await _a.H.Database.ExecuteAsync($"UPDATE broadcast_insights SET read_at = {today.End.ToUnixTimeMilliseconds()}");
        var final = await reader.ReadAsync(today, default);

        Assert.Equal((1, 1, 0), (first, again, final));
        Assert.Equal(2, _a.H.Line.Journal.For("/v2/bot/insight/message/event/aggregation").Count);
    }
}

public sealed class InsightTestsOnSqlite() : InsightTests("Sqlite");

public sealed class InsightTestsOnPostgres() : InsightTests("Postgres");
