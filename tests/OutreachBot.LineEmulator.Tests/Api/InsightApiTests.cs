using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace OutreachBot.LineEmulator.Tests.Api;

/// <summary>
/// LINE's statistics per aggregation unit, driven by what chat pages report: a line shown counts an impression, a
/// link opened a click, only for messages sent under a unit and only for their recipients; figures under 20 are null.
/// </summary>
public sealed class InsightApiTests
{
    private const string Link = "https://city.example.jp/clean";

    [Fact]
    public async Task Statistics_CountWhatChatPagesShowedAndOpened_HidingFiguresUnder20()
    {
        await using var host = await ApiHost.StartAsync();
        var citizens = Followers(host, 25);
        var first = await MulticastAsync(host, citizens, ""","customAggregationUnits":["broadcast_7"]""");

        foreach (var id in citizens.Take(21))
        {
            Assert.True(await ReportAsync(host, id, "seen", new { sequence = first }));
        }

        foreach (var id in citizens.Take(5))
        {
            Assert.True(await ReportAsync(host, id, "seen", new { sequence = first + 1 }));
        }

        foreach (var id in citizens.Take(20).Append(citizens[0]))
        {
            Assert.True(await ReportAsync(host, id, "opened", new { sequence = first, url = Link }));
        }

        using var statistics = await StatisticsAsync(host, "broadcast_7");
        var root = statistics.RootElement;
        Assert.Equal(21, root.GetProperty("overview").GetProperty("uniqueImpression").GetInt32());
        Assert.Equal(20, root.GetProperty("overview").GetProperty("uniqueClick").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("overview").GetProperty("uniqueMediaPlayed").ValueKind);
        var messages = root.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal([1, 2], messages.Select(m => m.GetProperty("seq").GetInt32()));
        Assert.Equal(21, messages[0].GetProperty("impression").GetInt32());
        Assert.Equal(JsonValueKind.Null, messages[1].GetProperty("impression").ValueKind);
        var click = Assert.Single(root.GetProperty("clicks").EnumerateArray());
        Assert.Equal((1, Link, 21, 20), (click.GetProperty("seq").GetInt32(), click.GetProperty("url").GetString(), click.GetProperty("click").GetInt32(), click.GetProperty("uniqueClick").GetInt32()));
    }

    [Fact]
    public async Task Reports_OfLinesWithoutUnitOrFromOthersThanRecipients_CountNothing()
    {
        await using var host = await ApiHost.StartAsync();
        var citizens = Followers(host, 2);
        var plain = await MulticastAsync(host, [citizens[0]], "");
        var counted = await MulticastAsync(host, [citizens[0]], ""","customAggregationUnits":["broadcast_8"]""");

        Assert.False(await ReportAsync(host, citizens[0], "seen", new { sequence = plain }));
        Assert.False(await ReportAsync(host, citizens[1], "seen", new { sequence = counted }));
        Assert.False(await ReportAsync(host, citizens[1], "opened", new { sequence = counted, url = Link }));
        using var statistics = await StatisticsAsync(host, "broadcast_8");
        Assert.Equal(JsonValueKind.Null, statistics.RootElement.GetProperty("overview").GetProperty("uniqueImpression").ValueKind);
    }

    [Theory]
    [InlineData("customAggregationUnit=broadcast-7&from=20261201&to=20261207", "customAggregationUnit")]
    [InlineData("customAggregationUnit=broadcast_7&from=2026-12-01&to=20261207", "from")]
    [InlineData("customAggregationUnit=broadcast_7&from=20261207&to=20261201", "to")]
    [InlineData("customAggregationUnit=broadcast_7&from=20261101&to=20261202", "to")]
    public async Task Statistics_WithParametersInsightYmlRefuses_Answers400NamingIt(string query, string property)
    {
        await using var host = await ApiHost.StartAsync();

        using var response = await host.Http.GetAsync($"v2/bot/insight/message/event/aggregation?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(property, body.RootElement.GetProperty("details")[0].GetProperty("property").GetString());
    }

    [Fact]
    public async Task Statistics_OverSixtyAnHourWhenRatesAreEnforced_Answer429()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-07T00:00:00Z", CultureInfo.InvariantCulture));
        await using var host = await ApiHost.StartAsync(o => o.EnforceRateLimits = true, time);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 61; i++)
        {
            using var response = await host.Http.GetAsync("v2/bot/insight/message/event/aggregation?customAggregationUnit=broadcast_7&from=20261207&to=20261207");
            statuses.Add(response.StatusCode);
        }

        time.Advance(TimeSpan.FromHours(1));
        using var nextHour = await host.Http.GetAsync("v2/bot/insight/message/event/aggregation?customAggregationUnit=broadcast_7&from=20261207&to=20261207");

        Assert.Equal(60, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(HttpStatusCode.OK, nextHour.StatusCode);
    }

    private static string[] Followers(ApiHost host, int count)
    {
        var ids = Enumerable.Range(0, count).Select(i => "U" + i.ToString("x32", CultureInfo.InvariantCulture)).ToArray();
        foreach (var id in ids)
        {
            host.Line.AddFollower(id);
        }

        return ids;
    }

    /// <summary>A multicast of two messages (the first with <see cref="Link"/>); returns the first one's line number.</summary>
    private static async Task<long> MulticastAsync(ApiHost host, string[] to, string extra)
    {
        using var sent = await host.PostAsync(
            "v2/bot/message/multicast",
            $$"""{"to":{{JsonSerializer.Serialize(to)}},"messages":[{"type":"text","text":"清掃活動 {{Link}}"},{"type":"text","text":"二通目"}]{{extra}}}""");
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        return host.Line.Transcript.For(to[0])[^2].Sequence;
    }

    private static async Task<bool> ReportAsync(ApiHost host, string userId, string what, object body)
    {
        using var response = await host.Http.PostAsJsonAsync($"_emulator/chat/citizens/{userId}/{what}", body);
        response.EnsureSuccessStatusCode();
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return answer.RootElement.GetProperty("counted").GetBoolean();
    }

    private static async Task<JsonDocument> StatisticsAsync(ApiHost host, string unit)
    {
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9)).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        using var response = await host.Http.GetAsync($"v2/bot/insight/message/event/aggregation?customAggregationUnit={unit}&from={today}&to={today}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
