using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.CivicEvents;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.PublicSite;

public abstract class PublicEventsTests(string provider) : IAsyncLifetime
{
    private TestWorld _world = null!;

    private TestBot Bot => _world.Bot;

    public async Task InitializeAsync() => _world = await TestWorld.StartWithBotAsync(provider, PublicChecks.Settings());

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [SkippableFact]
    public async Task Events_List_UpcomingSoonestFirstThenRecentPastMarkedAndOldOnesLeftOut()
    {
        var now = DateTimeOffset.UtcNow;
        var later = await CreateAsync("秋の清掃活動", now.AddDays(20));
        var soon = await CreateAsync("防災講座", now.AddDays(3));
        var past = await CreateAsync("先週の交流会", now.AddDays(-7));
        await CreateAsync("去年の祭り", now.AddDays(-90));

        var (_, page) = await PublicChecks.GetAsync(Bot, "/events");

        var order = new[] { "防災講座", "秋の清掃活動", "先週の交流会" }.Select(t => page.IndexOf(t, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        Assert.DoesNotContain("去年の祭り", page);
        Assert.Contains($"href=\"/events/{soon}\"", page);
        Assert.Contains($"href=\"/events/{later}\"", page);
        Assert.Contains($"href=\"/events/{later}.ics\"", page);
        Assert.Contains("<article class=\"event past\">", page);
        Assert.Contains("終了", page[page.IndexOf($"/events/{past}\"", StringComparison.Ordinal)..]);
        Assert.Contains("href=\"/feeds/events.ics\"", page);
    }

    [SkippableFact]
    public async Task Events_Cancelled_Marked中止InEveryLanguage()
    {
        var id = await CreateAsync("雨天中止の運動会", DateTimeOffset.UtcNow.AddDays(5), cancelled: true);

        foreach (var (language, _) in Languages.Supported)
        {
            var (_, list) = await PublicChecks.GetAsync(Bot, $"/events?lang={Uri.EscapeDataString(language)}");
            var (_, page) = await PublicChecks.GetAsync(Bot, $"/events/{id}?lang={Uri.EscapeDataString(language)}");
            Assert.Contains($"<html lang=\"{language}\">", page);
            Assert.Contains("<strong class=\"mark mark-cancelled\">中止", list);
            Assert.Contains("<strong class=\"mark mark-cancelled\">中止", page);
        }
    }

    [SkippableTheory]
    [InlineData("Asia/Tokyo", "2026年12月20日(日) 10:00〜12:00")]
    [InlineData("UTC", "2026年12月20日(日) 1:00〜3:00")]
    public async Task Event_Page_TimeInTheBotZoneVenueWithMapLinkAndImage(string zone, string when)
    {
        var bot = _world.StartBot(PublicChecks.Settings(zone));
        var id = await CreateAsync("市民活動フェスタ", new DateTimeOffset(2026, 12, 20, 1, 0, 0, TimeSpan.Zero), bot: bot, venue: "市民活動センター 2F&ホール");

        var (_, page) = await PublicChecks.GetAsync(bot, $"/events/{id}");

        Assert.Contains("<h1>市民活動フェスタ</h1>", page);
        Assert.Contains(when, page);
        Assert.Contains("市民活動センター 2F&amp;ホール", page);
        Assert.Contains(
            "href=\"https://www.google.com/maps/search/?api=1&amp;query=%E5%B8%82%E6%B0%91%E6%B4%BB%E5%8B%95%E3%82%BB%E3%83%B3%E3%82%BF%E3%83%BC%202F%26%E3%83%9B%E3%83%BC%E3%83%AB\"",
            page);
        Assert.Contains("<img src=\"https://city.example.jp/festa.jpg\"", page);
        Assert.Contains("href=\"https://city.example.jp/festa\"", page);
        Assert.Contains($"href=\"/events/{id}.ics\"", page);
    }

    [SkippableFact]
    public async Task Event_UnknownOrCalendarOfUnknown_NotFound()
    {
        var (_, page) = await PublicChecks.GetAsync(Bot, "/events/424242?lang=vi", HttpStatusCode.NotFound);
        await PublicChecks.GetAsync(Bot, "/events/424242.ics", HttpStatusCode.NotFound);

        Assert.Contains("<html lang=\"vi\">", page);
        Assert.Contains("Không tìm thấy trang", page);
    }

    [SkippableFact]
    public async Task EventPages_ConditionalRequests_Answer304UntilTheEventChanges()
    {
        var id = await CreateAsync("防災講座", DateTimeOffset.UtcNow.AddDays(3));

        foreach (var path in new[] { "/events", $"/events/{id}", $"/events/{id}?lang=ko", $"/events/{id}.ics", "/feeds/events.ics" })
        {
            await PublicChecks.AssertConditionalAsync(Bot, path);
        }

        var (before, _) = await PublicChecks.GetAsync(Bot, $"/events/{id}");
        await UpdateAsync(id, "防災講座（会場変更）", DateTimeOffset.UtcNow.AddDays(3));
        var (after, body) = await PublicChecks.GetAsync(Bot, $"/events/{id}");

        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.Contains("会場変更", body);
    }

    private async Task<long> CreateAsync(string title, DateTimeOffset startsAt, bool cancelled = false, TestBot? bot = null, string venue = "市民活動センター")
    {
        var store = (bot ?? Bot).Services.GetRequiredService<CivicEventStore>();
        var draft = new CivicEventDraft(
            new Dictionary<string, string> { ["ja"] = title, ["en"] = title + " (en)" },
            startsAt,
            startsAt.AddHours(2),
            venue,
            "https://city.example.jp/festa",
            "https://city.example.jp/festa.jpg",
            null,
            cancelled);
        return (await store.CreateAsync(draft, DateTimeOffset.UtcNow, default))!.Value;
    }

    private Task<bool> UpdateAsync(long id, string title, DateTimeOffset startsAt, bool cancelled = false) =>
        Bot.Services.GetRequiredService<CivicEventStore>().UpdateAsync(
            id,
            new CivicEventDraft(new Dictionary<string, string> { ["ja"] = title }, startsAt, startsAt.AddHours(2), "市民活動センター", null, null, null, cancelled),
            DateTimeOffset.UtcNow,
            default);
}

public sealed class PublicEventsTestsOnSqlite() : PublicEventsTests("Sqlite");

public sealed class PublicEventsTestsOnPostgres() : PublicEventsTests("Postgres");
