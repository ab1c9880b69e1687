using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OutreachBot.CivicEvents;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.BrowserTests;

/// <summary>A resident without LINE applies to an event on a phone, confirms from the mail smtp4dev received, and gets a number.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class WebApplicationBrowserTests(Browser browser) : IAsyncLifetime
{
    private const string Address = "jiro.suzuki@example.jp";

    private Smtp4devServer _smtp = null!;
    private TestWorld _world = null!;
    private TestBot _bot = null!;
    private long _eventId;

    public async Task InitializeAsync()
    {
        _smtp = await Smtp4devServer.StartAsync();
        _world = await TestWorld.StartAsync("Sqlite");
        _bot = _world.StartBotOnPort(new Dictionary<string, string?>(_smtp.Settings));
        var startsAt = DateTimeOffset.UtcNow.AddDays(10);
        var draft = new CivicEventDraft(new Dictionary<string, string> { ["ja"] = "とみさと協働塾　第３回" }, startsAt, startsAt.AddHours(2), "市民活動センター", null, null, null)
        {
            Details = new EventDetails
            {
                Capacity = 10,
                MaxPartySize = 3,
                Questions = [new EventQuestion(EventQuestion.Choice, new Dictionary<string, string> { ["ja"] = "参加方法" }, [new Dictionary<string, string> { ["ja"] = "会場" }, new Dictionary<string, string> { ["ja"] = "オンライン" }])],
            },
        };
        _eventId = (await _bot.Services.GetRequiredService<CivicEventStore>().CreateAsync(draft, DateTimeOffset.UtcNow, default))!.Value;
    }

    public async Task DisposeAsync()
    {
        await _world.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task Resident_AppliesOnAPhoneConfirmsFromTheMail_NumberShownAndOnlyTheAntiforgeryCookie()
    {
        await using var phone = await browser.Chromium.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 360, Height = 740 }, IsMobile = true, HasTouch = true, Locale = "ja-JP",
        });
        var page = await phone.NewPageAsync();
        await page.GotoAsync($"{_bot.Address}/events/{_eventId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "メールで申し込む" }).TapAsync();

        await page.GetByLabel("メールアドレス").FillAsync(Address);
        await page.GetByLabel("お名前").FillAsync("鈴木 次郎");
        await page.GetByLabel("人数（ご本人を含む）").SelectOptionAsync("2");
        await page.GetByLabel("参加方法").SelectOptionAsync("1");
        await AssertNoSidewaysScrollAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "70-event-apply-phone.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "確認メールを送る" }).TapAsync();
        await Assertions.Expect(page.GetByTestId("check-mail")).ToBeVisibleAsync();

        var confirmation = (await _smtp.WaitForMessagesAsync(1)).Single();
        await page.GotoAsync(Link().Match(confirmation.TextBody ?? "").Value);
        await page.GetByRole(AriaRole.Button, new() { Name = "申し込みを確定する" }).TapAsync();
        await Assertions.Expect(page.GetByTestId("outcome")).ToContainTextAsync("申込番号：1");
        await AssertNoSidewaysScrollAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "71-event-apply-confirmed-phone.png"), FullPage = true });

        var cookies = await phone.CookiesAsync();
        Assert.All(cookies, c => Assert.Equal(".OutreachBot.Antiforgery", c.Name));
        Assert.Equal(2L, await _world.Database.ScalarAsync<long>($"SELECT seats_taken FROM civic_events WHERE id = {_eventId}"));
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{page.Url}: the page is {widths[0]}px wide on a {widths[1]}px screen");
    }

    [GeneratedRegex(@"http://\S+/apply/confirm\?\S+")]
    private static partial Regex Link();
}
