using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OutreachBot.LineEmulator.Hosting;
using OutreachBot.Subscriptions;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.BrowserTests;

/// <summary>An admin answers a citizen's 開示・削除請求 in Debian's chromium: search by LINE user id, download the file, erase after confirming.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CitizenDataBrowserTests(Browser browser) : IAsyncLifetime
{
    private const string BootstrapPassword = "first-start-password";
    private const string NewPassword = "市民活動センター 2025 秋";
    private const string UserId = "U0da7ab0000000000000000000000b001";

    private TestWorld _world = null!;
    private TestBot _bot = null!;
    private IBrowserContext _context = null!;
    private IPage _page = null!;
    private string _url = null!;

    public async Task InitializeAsync()
    {
        _world = await TestWorld.StartAsync("Sqlite", new EmulatorOptions { ChannelSecret = TestBot.ChannelSecret });
        _bot = _world.StartBotOnPort(new Dictionary<string, string?>
        {
            ["Console:BootstrapAdminPassword"] = BootstrapPassword,
            ["Conversations:RichMenu:Enabled"] = "false",
        });
        _url = _bot.Address;
        _context = await browser.Chromium.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "ja-JP", AcceptDownloads = true });
        _page = await _context.NewPageAsync();
        _page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _world.DisposeAsync();
    }

    [Fact]
    public async Task Request_SearchedByLineUserId_FileDownloadedThenErasedAfterConfirming()
    {
        var now = DateTimeOffset.UtcNow;
        await _bot.Services.GetRequiredService<CitizenStore>().FollowAsync(UserId, "ja", "富里 太郎", now, default);
        var topic = (await _bot.Services.GetRequiredService<TopicStore>().ListAsync(includeArchived: false, default))[0];
        await _bot.Services.GetRequiredService<SubscriptionStore>().SubscribeAsync(UserId, topic.Id, now, default);
        await SignInAsAdminAsync();

        await _page.GetByRole(AriaRole.Link, new() { Name = "開示・削除請求" }).ClickAsync();
        await _page.GetByLabel("LINEユーザーID").FillAsync(UserId);
        await _page.GetByRole(AriaRole.Button, new() { Name = "検索" }).ClickAsync();
        var card = _page.GetByTestId("citizen-data");
        await Assertions.Expect(card).ToContainTextAsync(new Regex(@"登録中のトピック\s+Topics followed\s*1"));
        await Assertions.Expect(card).Not.ToContainTextAsync("富里 太郎");
        var download = await _page.RunAndWaitForDownloadAsync(() => _page.GetByRole(AriaRole.Button, new() { Name = "開示ファイルをダウンロード" }).ClickAsync());
        var file = await File.ReadAllTextAsync(await download.PathAsync(), Encoding.UTF8);
        Assert.Equal($"citizen-data-{UserId}.json", download.SuggestedFilename);
        Assert.Contains("\"displayName\": \"富里 太郎\"", file);
        Assert.Contains(topic.NameIn("ja"), file);
        await _page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "70-citizen-data.png"), FullPage = true });

        await _page.GetByRole(AriaRole.Button, new() { Name = "個人情報を削除" }).ClickAsync();
        await Assertions.Expect(_page.GetByRole(AriaRole.Status)).ToContainTextAsync("チェックを入れてください");
        await _page.GetByLabel("本人からの削除請求であることを確認しました").CheckAsync();
        await _page.GetByRole(AriaRole.Button, new() { Name = "個人情報を削除" }).ClickAsync();

        await Assertions.Expect(_page.GetByRole(AriaRole.Status)).ToContainTextAsync("この市民の個人情報を削除しました");
        await Assertions.Expect(card).ToContainTextAsync("削除済み");
        await Assertions.Expect(card).ToContainTextAsync(new Regex(@"登録中のトピック\s+Topics followed\s*0"));
        await _page.GotoAsync(_url + "/console/admin/audit");
        await Assertions.Expect(_page.Locator("main")).ToContainTextAsync("市民の個人情報を削除");
        await Assertions.Expect(_page.Locator("main")).ToContainTextAsync("市民の個人情報を開示");
    }

    private async Task SignInAsAdminAsync()
    {
        await _page.GotoAsync(_url + "/console/signin");
        await _page.GetByLabel("ユーザー名").FillAsync("admin");
        await _page.GetByLabel("パスワード").FillAsync(BootstrapPassword);
        await _page.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).ClickAsync();
        await _page.Locator("#f-current").FillAsync(BootstrapPassword);
        await _page.Locator("#f-new").FillAsync(NewPassword);
        await _page.Locator("#f-confirm").FillAsync(NewPassword);
        await _page.GetByRole(AriaRole.Button, new() { Name = "変更する" }).ClickAsync();
        await _page.WaitForURLAsync(_url + "/console");
    }
}
