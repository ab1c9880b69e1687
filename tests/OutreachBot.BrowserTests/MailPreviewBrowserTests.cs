using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OutreachBot.Staff;
using OutreachBot.StaffConsole;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.BrowserTests;

/// <summary>The composer's mail preview in Debian's chromium: the mail as subscribers get it, styled, in a frame that runs no script, drawn again as you type.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class MailPreviewBrowserTests(Browser browser) : IAsyncLifetime
{
    private const string Password = "correct horse battery";

    private TestWorld _world = null!;
    private TestBot _bot = null!;

    public async Task InitializeAsync()
    {
        _world = await TestWorld.StartAsync("Sqlite");
        _bot = _world.StartBotOnPort(new Dictionary<string, string?>
        {
            ["Api:Keys:0:Key"] = null,
            ["Api:Keys:0:Account"] = null,
            ["Api:Keys:0:Role"] = null,
            ["Mail:SmtpHost"] = "127.0.0.1",
            ["Mail:SmtpPort"] = LocalMachine.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:From"] = "市民活動推進課 <katsudo@city.example.jp>",
            ["Site:PublicBaseUrl"] = "https://outreach.city.example.jp/",
        });
        var hash = _bot.Services.GetRequiredService<StaffPasswords>().Hash(Password);
        await _bot.Services.GetRequiredService<StaffAccountStore>().CreateAsync(new StaffAccountDraft("henshu", "編集 花子", StaffRole.Editor), hash, false, DateTimeOffset.UtcNow, default);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Compose_TextAndSubject_ThePreviewShowsTheStyledMailWithItsSubjectAndFollowsTyping()
    {
        await using var context = await browser.Chromium.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "ja-JP" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(_bot.Address + "/console/signin");
        await page.GetByLabel("ユーザー名").FillAsync("henshu");
        await page.GetByLabel("パスワード").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).ClickAsync();
        await page.WaitForURLAsync(_bot.Address + "/console");
        await page.GotoAsync(_bot.Address + "/console/broadcasts/compose");

        await page.Locator("#f-title").FillAsync("河川敷クリーン作戦のお知らせ");
        await page.Locator("[id='f-messages-ja[0]']").SelectOptionAsync("text");
        await page.Locator("[id='f-messages-ja[0]-text']").FillAsync("今週末、河川敷の清掃を行います。<b>https://city.example.jp/clean</b>");
        await page.Locator("#f-mail-subject-ja").FillAsync("清掃のお知らせ");
        await page.GetByRole(AriaRole.Button, new() { Name = "配信先の人数を確認" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("mail-subject").First).ToHaveTextAsync("清掃のお知らせ");
        var frame = page.FrameLocator("[data-mail-preview='ja'] iframe");
        await Assertions.Expect(frame.Locator("body")).ToContainTextAsync("今週末、河川敷の清掃を行います。<b>");
        await Assertions.Expect(frame.Locator("a[href='https://city.example.jp/clean']")).ToBeVisibleAsync();
        await Assertions.Expect(frame.Locator("body")).ToContainTextAsync("このメールは、市民活動推進課のお知らせ");
        Assert.Equal(0, await frame.Locator("b").CountAsync());
        Assert.Equal("600px", await frame.Locator("body > div").EvaluateAsync<string>("e => getComputedStyle(e).maxWidth"));
        Assert.Equal(string.Empty, await page.Locator("[data-mail-preview='ja'] iframe").GetAttributeAsync("sandbox"));

        await page.Locator("#f-mail-subject-ja").FillAsync("清掃の日が変わりました");
        await page.Locator("[id='f-messages-ja[0]-text']").FillAsync("清掃は日曜日に変わりました。");
        await Assertions.Expect(page.GetByTestId("mail-subject").First).ToHaveTextAsync("清掃の日が変わりました");
        await Assertions.Expect(frame.Locator("body")).ToContainTextAsync("清掃は日曜日に変わりました。");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "35-broadcast-mail-preview.png"), FullPage = true });
    }
}
