using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OutreachBot.Subscriptions;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.BrowserTests;

/// <summary>The console in Debian's chromium, the bot on a real port: what a member of staff does on the first day.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ConsoleBrowserTests(Browser browser) : IAsyncLifetime
{
    private const string BootstrapPassword = "first-start-password";
    private const string NewPassword = "市民活動センター 2025 春";

    private TestWorld _world = null!;
    private TestBot _bot = null!;
    private IBrowserContext _context = null!;
    private IPage _page = null!;
    private string _url = null!;

    public async Task InitializeAsync()
    {
        _world = await TestWorld.StartAsync("Sqlite");
        _bot = _world.StartBotOnPort(
            new Dictionary<string, string?>
            {
                ["Console:BootstrapAdminPassword"] = BootstrapPassword,
                ["Api:Keys:0:Key"] = null,
                ["Api:Keys:0:Account"] = null,
                ["Api:Keys:0:Role"] = null,
            },
            RecordingHandler.Register);
        _url = _bot.Address;
        await SeedFollowersAsync();
        _context = await browser.Chromium.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "ja-JP" });
        _page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _world.DisposeAsync();
    }

    [Fact]
    public async Task BootstrapAdmin_SignsInChangesPasswordCreatesATopic_SeesItOnTheDashboard()
    {
        await _page.GotoAsync(_url + "/console");
        Assert.EndsWith("/console/signin?returnUrl=%2Fconsole", _page.Url);
        await ShotAsync("01-signin");

        await _page.Keyboard.PressAsync("Tab");
        Assert.Contains("本文へ移動", await _page.EvaluateAsync<string>("document.activeElement.textContent"));

        await _page.GetByLabel("ユーザー名").FillAsync("admin");
        await _page.GetByLabel("パスワード").FillAsync(BootstrapPassword);
        await _page.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).ClickAsync();
        await _page.WaitForURLAsync("**/console/account/password");
        await ShotAsync("02-password-change-required");

        await _page.GetByLabel("今のパスワード").FillAsync(BootstrapPassword);
        await _page.GetByLabel("新しいパスワード", new() { Exact = false }).First.FillAsync("short");
        await _page.GetByLabel("新しいパスワード（確認）").FillAsync("short");
        await _page.GetByRole(AriaRole.Button, new() { Name = "変更する" }).ClickAsync();
        await Assertions.Expect(_page.Locator("#e-new")).ToBeVisibleAsync();
        await ShotAsync("03-password-change-error");

        await _page.GetByLabel("今のパスワード").FillAsync(BootstrapPassword);
        await _page.Locator("#f-new").FillAsync(NewPassword);
        await _page.GetByLabel("新しいパスワード（確認）").FillAsync(NewPassword);
        await _page.GetByRole(AriaRole.Button, new() { Name = "変更する" }).ClickAsync();
        await _page.WaitForURLAsync(_url + "/console");
        await Assertions.Expect(_page.GetByRole(AriaRole.Status)).ToContainTextAsync("パスワードを変更しました");
        await ShotAsync("04-dashboard");

        await _page.GetByRole(AriaRole.Link, new() { Name = "トピック Topics" }).ClickAsync();
        await ShotAsync("05-topics");
        await _page.GetByRole(AriaRole.Link, new() { Name = "トピックを追加" }).ClickAsync();
        await _page.Locator("#f-slug").FillAsync("Sports Day");
        await _page.Locator("#f-names-en").FillAsync("Sports");
        await _page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(_page.Locator(".error-summary")).ToBeFocusedAsync();
        Assert.Equal("Sports", await _page.Locator("#f-names-en").InputValueAsync()); // nothing typed is lost
        await ShotAsync("06-topic-form-errors", fullPage: true);

        await _page.Locator("#f-slug").FillAsync("sports");
        await _page.Locator("#f-names-ja").FillAsync("スポーツ・健康づくり");
        await _page.Locator("#f-descriptions-ja").FillAsync("市民スポーツ大会、ウォーキング教室など");
        await _page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await _page.WaitForURLAsync(_url + "/console/topics");
        await Assertions.Expect(_page.GetByTestId("topics")).ToContainTextAsync("スポーツ・健康づくり");

        await _page.GetByRole(AriaRole.Link, new() { Name = "ダッシュボード Dashboard" }).ClickAsync();
        await Assertions.Expect(_page.GetByTestId("topic-counts")).ToContainTextAsync("スポーツ・健康づくり");
        await Assertions.Expect(_page.GetByTestId("quota")).ToContainTextAsync("取得できません");
        await ShotAsync("07-dashboard-with-new-topic", fullPage: true);
    }

    [Fact]
    public async Task MainPages_AsAdmin_RenderJapaneseAndFitATablet()
    {
        await SignInAsAdminAsync();
        foreach (var (path, name) in new[]
                 {
                     ("/console/topics/edit/volunteer", "10-topic-edit"),
                     ("/console/parked", "11-parked"),
                     ("/console/export", "12-export"),
                     ("/console/admin/accounts", "13-accounts"),
                     ("/console/admin/accounts/new", "14-account-new"),
                     ("/console/admin/apikeys", "15-api-keys"),
                     ("/console/admin/audit", "16-audit-log"),
                 })
        {
            await _page.GotoAsync(_url + path);
            await ShotAsync(name, fullPage: true);
        }

        await _page.GotoAsync(_url + "/console/admin/apikeys");
        await _page.GetByLabel("キーの名前").FillAsync("市のホームページ連携");
        await _page.GetByRole(AriaRole.Button, new() { Name = "キーを作成" }).ClickAsync();
        await Assertions.Expect(_page.GetByTestId("created-key")).ToContainTextAsync("obk_");
        await ShotAsync("17-api-key-created");

        await _page.SetViewportSizeAsync(768, 1024);
        await _page.GotoAsync(_url + "/console");
        var overflow = await _page.EvaluateAsync<bool>("document.documentElement.scrollWidth > document.documentElement.clientWidth");
        Assert.False(overflow, "the dashboard scrolls sideways on a tablet");
        await ShotAsync("18-dashboard-tablet", fullPage: true);

        await _page.GetByRole(AriaRole.Button, new() { Name = "Show in English" }).ClickAsync();
        await Assertions.Expect(_page.Locator("h1")).ToContainTextAsync("Dashboard");
        Assert.Equal("en", await _page.GetAttributeAsync("html", "lang"));
        await ShotAsync("19-dashboard-english-tablet", fullPage: true);
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

    /// <summary>Citizens who followed over the past weeks and chose topics, so the chart has something to draw.</summary>
    private async Task SeedFollowersAsync()
    {
        var citizens = _bot.Services.GetRequiredService<CitizenStore>();
        var subscriptions = _bot.Services.GetRequiredService<SubscriptionStore>();
        var topics = await _bot.Services.GetRequiredService<TopicStore>().ListAsync(includeArchived: false, default);
        var now = DateTimeOffset.UtcNow;
        // As if the bot had run for a while: the seeded topics existed before the citizens came.
        await _world.Database.ExecuteAsync($"UPDATE topics SET created_at = {now.AddDays(-60).ToUnixTimeMilliseconds()}");
        for (var i = 0; i < 40; i++)
        {
            var user = $"U{i:x32}";
            var at = now.AddDays(-29 + (i * 29 / 40)).AddHours(-1);
            await citizens.FollowAsync(user, "ja", null, at, default);
            for (var t = 0; t < topics.Count; t++)
            {
                if ((i + 1) % (t + 2) == 0)
                {
                    await subscriptions.SubscribeAsync(user, topics[t].Id, at, default);
                }
            }
        }

        await citizens.UnfollowAsync($"U{3:x32}", now.AddDays(-5), default);
    }

    private async Task ShotAsync(string name, bool fullPage = false) =>
        await _page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, name + ".png"), FullPage = fullPage });
}
