using Microsoft.Playwright;

namespace OutreachBot.BrowserTests;

/// <summary>A survey built in the console on a tablet (portrait, touch): errors beside their fields, what was typed kept.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SurveyBrowserTests(Browser browser) : IAsyncLifetime
{
    private AdminConsole _console = null!;

    private IPage Page => _console.Page;

    public async Task InitializeAsync() => _console = await AdminConsole.StartAsync(
        browser, new() { ViewportSize = new() { Width = 820, Height = 1180 }, HasTouch = true, IsMobile = true, Locale = "ja-JP" });

    public async Task DisposeAsync() => await _console.DisposeAsync();

    [Fact]
    public async Task Survey_BuiltOnATablet_ShowsErrorsBesideTheirFields_ThenIsListed()
    {
        await Page.GotoAsync(_console.Url + "/console/surveys");
        await Page.GetByRole(AriaRole.Link, new() { Name = "アンケートを作成" }).ClickAsync();
        await Page.Locator("#f-title").FillAsync("市民活動アンケート");
        var first = Page.GetByTestId("question-1");
        await first.Locator("textarea[name='Input.Questions[0].Texts[ja]']").FillAsync("市民活動を知っていますか");
        await first.Locator("textarea[name='Input.Questions[0].Options[ja]']").FillAsync("知っている");
        await first.GetByText("他の言語").ClickAsync();
        await first.Locator("textarea[name='Input.Questions[0].Texts[en]']").FillAsync("Do you know about civic activities?");
        var second = Page.GetByTestId("question-2");
        await second.Locator("select").SelectOptionAsync("text");
        await second.Locator("textarea[name='Input.Questions[1].Texts[ja]']").FillAsync("ご意見をどうぞ");
        await Page.GetByRole(AriaRole.Button, new() { Name = "作成 Create" }).ClickAsync();

        await Assertions.Expect(Page.Locator(".error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByTestId("question-1")).ToContainTextAsync("選択肢は2〜20個です。");
        Assert.Equal("ご意見をどうぞ", await Page.Locator("textarea[name='Input.Questions[1].Texts[ja]']").InputValueAsync());
        Assert.Equal("text", await Page.GetByTestId("question-2").Locator("select").InputValueAsync());
        Assert.Equal("Do you know about civic activities?", await Page.Locator("textarea[name='Input.Questions[0].Texts[en]']").InputValueAsync());
        var width = await Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 820, $"The form is {width} px wide on an 820 px tablet.");
        await Page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "60-survey-form-tablet.png"), FullPage = true });

        await Page.Locator("textarea[name='Input.Questions[0].Options[ja]']").FillAsync("知っている\n知らない");
        await Page.GetByRole(AriaRole.Button, new() { Name = "作成 Create" }).ClickAsync();

        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("アンケート「市民活動アンケート」を作成しました。");
        await Assertions.Expect(Page.GetByTestId("surveys")).ToContainTextAsync("市民活動アンケート");
        Assert.Equal(1L, await _console.World.Database.ScalarAsync<long>("SELECT COUNT(*) FROM surveys WHERE questions LIKE '%知らない%' AND questions LIKE '%Do you know%'"));
    }
}
