using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OutreachBot.LineEmulator.Hosting;
using OutreachBot.Staff;
using OutreachBot.StaffConsole;
using OutreachBot.Subscriptions;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.BrowserTests;

/// <summary>
/// Facebook in Debian's chromium on a tablet-sized screen: an admin connects the emulated Page, composes a broadcast
/// with its own Facebook text, a second account approves it, and the social page and the emulator's /meta show the post.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SocialPostsBrowserTests(Browser browser) : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private const string SocialText = "今週末は河川敷の清掃です。軍手は市で用意します。#市民活動";

    private static readonly BrowserNewContextOptions Tablet = new() { ViewportSize = new() { Width = 820, Height = 1180 }, Locale = "ja-JP", HasTouch = true };

    private TestWorld _world = null!;
    private LineEmulatorServer _line = null!;
    private TestBot _bot = null!;
    private string _url = null!;

    public async Task InitializeAsync()
    {
        _world = await TestWorld.StartAsync("Sqlite", new EmulatorOptions());
        _line = _world.Line;
        _bot = _world.StartBotOnPort(
            new Dictionary<string, string?>
            {
                ["Broadcasts:RequireApproval"] = "true",
                ["Broadcasts:QuietHoursStart"] = "00:00",
                ["Broadcasts:QuietHoursEnd"] = "00:00",
                ["Broadcasts:PollInterval"] = "00:00:00.050",
                ["Meta:PollInterval"] = "00:00:00.050",
                ["Meta:RetryDelay"] = "00:00:00.100",
                ["Meta:AttemptTimeout"] = "00:00:05",
            },
            RecordingHandler.Register);
        _url = _bot.Address;
        await SeedAsync();
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task FacebookPost_ConnectedComposedApprovedSent_IsPublishedWithALinkAndOnThePage()
    {
        var accounts = _line.Options.Meta;
        await using var adminContext = await browser.Chromium.NewContextAsync(Tablet);
        var admin = await adminContext.SignInAsync(_url, "kanri", Password);
        admin.Dialog += (_, dialog) => _ = dialog.AcceptAsync();

        await admin.GotoAsync(_url + "/console/admin/meta");
        await admin.Locator("#f-page").FillAsync(accounts.PageId);
        await admin.Locator("#f-token").FillAsync(accounts.PageAccessToken);
        await admin.Locator("#f-instagram").FillAsync(accounts.InstagramUserId);
        await admin.GetByRole(AriaRole.Button, new() { Name = "確認して保存" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("接続しました");
        var connection = admin.GetByTestId("meta-connection");
        await Assertions.Expect(connection).ToContainTextAsync(accounts.PageName);
        await Assertions.Expect(connection).ToContainTextAsync("@" + accounts.InstagramUsername);
        await Assertions.Expect(admin.GetByTestId("meta-page-followers")).ToHaveTextAsync(_line.Meta.PageFollowers.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(admin.GetByTestId("meta-instagram-followers")).ToHaveTextAsync(_line.Meta.InstagramFollowers.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        await ShotAsync(admin, "90-meta-connected");

        await admin.GotoAsync(_url + "/console/broadcasts/compose");
        await admin.Locator("#f-title").FillAsync("河川敷クリーン作戦（Facebook）");
        await admin.Locator("[id='f-messages-ja[0]']").SelectOptionAsync("text");
        await admin.Locator("[id='f-messages-ja[0]-text']").FillAsync("今週末、河川敷の清掃を行います。");
        await admin.Locator("input[name='Input.Channels'][value='facebook']").CheckAsync();
        var social = admin.GetByTestId("social-choices");
        await Assertions.Expect(social).ToBeVisibleAsync();
        await admin.Locator("#f-social-text").FillAsync(SocialText);
        await admin.Locator("input[name='Input.Topics'][value='volunteer']").CheckAsync();
        await admin.Locator("input[name='Input.Schedule'][value='now']").CheckAsync();
        await ShotAsync(admin, "91-social-compose", fullPage: true);
        await admin.GetByRole(AriaRole.Button, new() { Name = "承認を申請" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("申請しました");

        await using var approverContext = await browser.Chromium.NewContextAsync(Tablet);
        var approver = await approverContext.SignInAsync(_url, "shonin", Password);
        await approver.GotoAsync(_url + "/console/broadcasts/approvals");
        await approver.GetByRole(AriaRole.Link, new() { Name = "河川敷クリーン作戦（Facebook）" }).ClickAsync();
        await approver.GetByRole(AriaRole.Button, new() { Name = "承認する" }).ClickAsync();
        await Assertions.Expect(approver.GetByRole(AriaRole.Status)).ToContainTextAsync("承認しました");

        await admin.GotoAsync(_url + "/console/broadcasts?status=sent");
        for (var i = 0; i < 100 && !(await admin.GetByTestId("broadcasts").CountAsync() > 0); i++)
        {
            await Task.Delay(100);
            await admin.ReloadAsync();
        }

        await admin.GetByRole(AriaRole.Link, new() { Name = "河川敷クリーン作戦（Facebook）" }).ClickAsync();
        await admin.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/console/broadcasts/\d+$"));
        await admin.GotoAsync(admin.Url + "/social");
        var facebook = admin.GetByTestId("social-facebook");
        for (var i = 0; i < 100 && !(await facebook.CountAsync() > 0 && (await facebook.InnerTextAsync()).Contains("公開済み", StringComparison.Ordinal)); i++)
        {
            await Task.Delay(100);
            await admin.ReloadAsync();
        }

        await Assertions.Expect(facebook).ToContainTextAsync("Facebook: 公開済み");
        var link = facebook.Locator("a[href^='https://www.facebook.com/']");
        await Assertions.Expect(link).ToBeVisibleAsync();
        await Assertions.Expect(link).ToContainTextAsync("https://www.facebook.com/");
        await Assertions.Expect(facebook.Locator("textarea")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(SocialText)));
        await ShotAsync(admin, "92-social-published", fullPage: true);

        await admin.GotoAsync(_line.BaseUrl.ToString().TrimEnd('/') + "/meta");
        await Assertions.Expect(admin.Locator("section[aria-label='Facebook'] article").First).ToContainTextAsync(SocialText);
        await ShotAsync(admin, "93-emulator-meta", fullPage: true);
    }

    private async Task SeedAsync()
    {
        var accounts = _bot.Services.GetRequiredService<StaffAccountStore>();
        var hash = _bot.Services.GetRequiredService<StaffPasswords>().Hash(Password);
        var now = DateTimeOffset.UtcNow;
        await accounts.CreateAsync(new StaffAccountDraft("kanri", "管理 一郎", StaffRole.Admin), hash, false, now, default);
        await accounts.CreateAsync(new StaffAccountDraft("shonin", "承認 太郎", StaffRole.Approver), hash, false, now, default);
        var volunteer = (await _bot.Services.GetRequiredService<TopicStore>().FindAsync("volunteer", default))!;
        const string user = "U0000000000000000000000000000f00d";
        await _bot.Services.GetRequiredService<CitizenStore>().FollowAsync(user, "ja", null, now.AddMinutes(-1), default);
        await _bot.Services.GetRequiredService<SubscriptionStore>().SubscribeAsync(user, volunteer.Id, now.AddMinutes(-1), default);
        _line.AddFollower(user);
    }

    private static async Task ShotAsync(IPage page, string name, bool fullPage = false) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, name + ".png"), FullPage = fullPage });
}
