using Microsoft.Playwright;

namespace OutreachBot.BrowserTests;

/// <summary>
/// An editor keeps the shelters on the console in Debian's chromium: a coordinate out of range is named beside its
/// field with what was typed kept, then the shelter is saved, opened from the list and shown open.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ShelterBrowserTests(Browser browser) : IAsyncLifetime
{
    private AdminConsole _console = null!;

    private IPage Page => _console.Page;

    public async Task InitializeAsync() => _console = await AdminConsole.StartAsync(browser);

    public async Task DisposeAsync() => await _console.DisposeAsync();

    [Fact]
    public async Task Shelter_AddedWithACorrectedLatitude_ThenOpenedFromTheList()
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "防災モード" }).First.ClickAsync();
        await Page.GetByTestId("shelters-link").ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "避難所を追加" }).ClickAsync();
        await Page.GetByLabel("日本語 (ja)").FillAsync("中央小学校");
        await Page.GetByLabel("English (en)").FillAsync("Chuo Elementary School");
        await Page.GetByLabel("住所").FillAsync("中央区本町1-2-3");
        await Page.GetByLabel("緯度").FillAsync("135.6812");
        await Page.GetByLabel("経度").FillAsync("139.7671");
        await Page.GetByLabel("種別").SelectOptionAsync("emergency-site");
        await Page.GetByLabel("収容人数（わからなければ空欄）").FillAsync("450");
        await Page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        await Assertions.Expect(Page.Locator("#e-latitude")).ToContainTextAsync("緯度は -90〜90 の数です");
        await Assertions.Expect(Page.GetByLabel("English (en)")).ToHaveValueAsync("Chuo Elementary School");
        await Page.GetByLabel("緯度").FillAsync("35.6812");
        await Page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        var row = Page.GetByTestId("shelters").Locator("tbody tr");
        await Assertions.Expect(row).ToContainTextAsync("中央小学校");
        await Assertions.Expect(row).ToContainTextAsync("指定緊急避難場所");
        await Assertions.Expect(row).ToContainTextAsync("閉鎖");
        await row.GetByRole(AriaRole.Button, new() { Name = "開設する" }).ClickAsync();

        await Assertions.Expect(row.GetByTestId("open")).ToContainTextAsync("開設中");
        Assert.Equal(
            "https://www.google.com/maps/search/?api=1&query=35.6812,139.7671",
            await row.GetByRole(AriaRole.Link, new() { Name = "地図" }).GetAttributeAsync("href"));
        await Page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "81-shelters.png"), FullPage = true });
    }
}
