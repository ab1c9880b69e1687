using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OutreachBot.Broadcasts;
using OutreachBot.Broadcasts.Authoring;
using OutreachBot.Broadcasts.Scheduling;
using OutreachBot.CivicEvents;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.BrowserTests;

/// <summary>Residents' news and events pages on a phone-sized chromium: Japanese in a CJK font, the language links, nothing wider than the screen.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class PublicPagesBrowserTests(Browser browser) : IAsyncLifetime
{
    private const string Headline = "河川敷クリーン作戦のお知らせ";
    private const string EventTitle = "市民活動フェスタ２０２６（市民活動センター大ホール）";

    private TestWorld _world = null!;
    private TestBot _bot = null!;
    private long _newsId;
    private long _eventId;

    public async Task InitializeAsync()
    {
        _world = await TestWorld.StartAsync("Sqlite");
        _bot = _world.StartBotOnPort(new Dictionary<string, string?>
        {
            ["Broadcasts:QuietHoursStart"] = "00:00",
            ["Broadcasts:QuietHoursEnd"] = "00:00",
        });
        _eventId = await CreateEventAsync();
        _newsId = await PublishAsync();
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task NewsAndEvents_OnAPhone_JapaneseInACjkFontLanguageSwitchAndNoSidewaysScroll()
    {
        await using var context = await browser.Chromium.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 360, Height = 740 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
            Locale = "ja-JP",
        });
        var page = await context.NewPageAsync();

        await page.GotoAsync($"{_bot.Address}/news");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ja");
        await Assertions.Expect(page.Locator(".news-list h2").First).ToHaveTextAsync(Headline);
        Assert.Contains(await RenderedFontAsync(page, ".news-list h2 a"), CjkFonts);
        await AssertNoSidewaysScrollAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "public-news-phone.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = Headline }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{_bot.Address}/news/{_newsId}");
        await Assertions.Expect(page.Locator("article.news-item p:not(.meta)").First).ToContainTextAsync("今週末、河川敷の清掃を行います。");
        await AssertNoSidewaysScrollAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{_bot.Address}/news/{_newsId}?lang=en");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Riverside clean-up");
        await page.GetByRole(AriaRole.Link, new() { Name = "Events", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{_bot.Address}/events?lang=en");
        await Assertions.Expect(page.Locator(".event-list h2").First).ToHaveTextAsync("Civic Festival 2026");

        await page.GetByRole(AriaRole.Link, new() { Name = "日本語" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{_bot.Address}/events");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ja");
        await Assertions.Expect(page.Locator(".event-list h2").First).ToHaveTextAsync(EventTitle);
        Assert.Contains(await RenderedFontAsync(page, ".event-list h2 a"), CjkFonts);
        await AssertNoSidewaysScrollAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "public-events-phone.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = EventTitle }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{_bot.Address}/events/{_eventId}");
        await Assertions.Expect(page.Locator("a.map")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^https://www\\.google\\.com/maps/search/\\?api=1&query=%E5%AF%8C%E9%87%8C"));
        await AssertNoSidewaysScrollAsync(page);
    }

    // The Japanese fonts test.sh installs (Debian's IPA and Noto CJK packages).
    private static readonly string[] CjkFonts = ["IPAGothic", "IPAPGothic", "Noto Sans CJK JP", "Noto Sans JP", "Noto Serif CJK JP", "VL Gothic", "TakaoGothic"];

    /// <summary>The font chromium actually drew the element's text with (not what the CSS asked for), from the DevTools protocol.</summary>
    private static async Task<string> RenderedFontAsync(IPage page, string selector)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("DOM.enable");
        await cdp.SendAsync("CSS.enable");
        var document = await cdp.SendAsync("DOM.getDocument");
        var node = await cdp.SendAsync("DOM.querySelector", new Dictionary<string, object>
        {
            ["nodeId"] = document!.Value.GetProperty("root").GetProperty("nodeId").GetInt32(),
            ["selector"] = selector,
        });
        var fonts = await cdp.SendAsync("CSS.getPlatformFontsForNode", new Dictionary<string, object> { ["nodeId"] = node!.Value.GetProperty("nodeId").GetInt32() });
        return fonts!.Value.GetProperty("fonts").EnumerateArray()
            .OrderByDescending(f => f.GetProperty("glyphCount").GetInt32())
            .First().GetProperty("familyName").GetString()!;
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{page.Url}: the page is {widths[0]}px wide on a {widths[1]}px screen");
    }

    private async Task<long> CreateEventAsync()
    {
        var startsAt = DateTimeOffset.UtcNow.AddDays(10);
        var draft = new CivicEventDraft(
            new Dictionary<string, string> { ["ja"] = EventTitle, ["en"] = "Civic Festival 2026" },
            startsAt,
            startsAt.AddHours(3),
            "富里市市民活動センター大ホール（千葉県富里市七栄６５２番地１）",
            "https://city.example.jp/festa/2026/very-long-path-that-should-wrap-on-a-phone-screen",
            null,
            null);
        return (await _bot.Services.GetRequiredService<CivicEventStore>().CreateAsync(draft, DateTimeOffset.UtcNow, default))!.Value;
    }

    /// <summary>A web broadcast fired as Quartz fires it (no followers: it is published on the web all the same).</summary>
    private async Task<long> PublishAsync()
    {
        var messages = new Dictionary<string, object[]>
        {
            ["ja"] = [new { type = "text", text = "今週末、河川敷の清掃を行います。ご参加お待ちしています。詳しくは https://city.example.jp/kasenjiki-clean-up-2026/details をご覧ください。" }],
            ["en"] = [new { type = "text", text = "We clean up the riverside this weekend." }],
        };
        var draft = new BroadcastDraft(
            "河川敷清掃",
            JsonSerializer.Serialize(messages),
            new BroadcastTarget(["volunteer"], false, null, null),
            new BroadcastSchedule(ScheduleKind.At, DateTimeOffset.UtcNow.AddDays(1)),
            Urgent: false,
            SaveAsDraft: false)
        {
            Channels = [BroadcastChannel.Line, BroadcastChannel.Web],
            MailSubjects = new Dictionary<string, string> { ["ja"] = Headline, ["en"] = "Riverside clean-up" },
        };
        var id = await _bot.Services.GetRequiredService<BroadcastStore>().CreateAsync(draft, "staff:test", BroadcastState.Scheduled, DateTimeOffset.UtcNow, default);
        using var scope = _bot.Services.CreateScope();
        Assert.NotNull(await scope.ServiceProvider.GetRequiredService<BroadcastJob>().FireAsync(id, null, default));
        return id;
    }
}
