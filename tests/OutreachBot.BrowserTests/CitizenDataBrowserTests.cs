using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OutreachBot.Subscriptions;

namespace OutreachBot.BrowserTests;

/// <summary>An admin answers a citizen's 開示・削除請求 in Debian's chromium: search by LINE user id, download the file, erase after confirming.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CitizenDataBrowserTests(Browser browser) : IAsyncLifetime
{
    private const string UserId = "U0da7ab0000000000000000000000b001";

    private AdminConsole _console = null!;

    private IPage Page => _console.Page;

    public async Task InitializeAsync() => _console = await AdminConsole.StartAsync(browser);

    public async Task DisposeAsync() => await _console.DisposeAsync();

    [Fact]
    public async Task Request_SearchedByLineUserId_FileDownloadedThenErasedAfterConfirming()
    {
        var now = DateTimeOffset.UtcNow;
        await _console.Bot.Services.GetRequiredService<CitizenStore>().FollowAsync(UserId, "ja", "富里 太郎", now, default);
        var topic = (await _console.Bot.Services.GetRequiredService<TopicStore>().ListAsync(includeArchived: false, default))[0];
        await _console.Bot.Services.GetRequiredService<SubscriptionStore>().SubscribeAsync(UserId, topic.Id, now, default);

        await Page.GetByRole(AriaRole.Link, new() { Name = "開示・削除請求" }).ClickAsync();
        await Page.GetByLabel("LINEユーザーID").FillAsync(UserId);
        await Page.GetByRole(AriaRole.Button, new() { Name = "検索" }).ClickAsync();
        var card = Page.GetByTestId("citizen-data");
        await Assertions.Expect(card).ToContainTextAsync(new Regex(@"登録中のトピック\s+Topics followed\s*1"));
        await Assertions.Expect(card).Not.ToContainTextAsync("富里 太郎");
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = "開示ファイルをダウンロード" }).ClickAsync());
        var file = await File.ReadAllTextAsync(await download.PathAsync(), Encoding.UTF8);
        Assert.Equal($"citizen-data-{UserId}.json", download.SuggestedFilename);
        Assert.Contains("\"displayName\": \"富里 太郎\"", file);
        Assert.Contains(topic.NameIn("ja"), file);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "70-citizen-data.png"), FullPage = true });

        await Page.GetByRole(AriaRole.Button, new() { Name = "個人情報を削除" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("チェックを入れてください");
        await Page.GetByLabel("本人からの削除請求であることを確認しました").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "個人情報を削除" }).ClickAsync();

        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("この市民の個人情報を削除しました");
        await Assertions.Expect(card).ToContainTextAsync("削除済み");
        await Assertions.Expect(card).ToContainTextAsync(new Regex(@"登録中のトピック\s+Topics followed\s*0"));
        await Page.GotoAsync(_console.Url + "/console/admin/audit");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("市民の個人情報を削除");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("市民の個人情報を開示");
    }
}
