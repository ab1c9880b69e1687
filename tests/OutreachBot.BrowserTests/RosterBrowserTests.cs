using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OutreachBot.CivicEvents.Applications;
using OutreachBot.LineEmulator.Hosting;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.BrowserTests;

/// <summary>The roster and the door page in Debian's chromium, the door on a tablet-sized screen with touch.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class RosterBrowserTests(Browser browser) : IAsyncLifetime
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
        _world = await TestWorld.StartAsync("Sqlite", new EmulatorOptions { ChannelSecret = TestBot.ChannelSecret });
        _bot = _world.StartBotOnPort(new Dictionary<string, string?>
        {
            ["Console:BootstrapAdminPassword"] = BootstrapPassword,
            ["Conversations:RichMenu:Enabled"] = "false",
        });
        _url = _bot.Address;
        _context = await browser.Chromium.NewContextAsync(new() { ViewportSize = new() { Width = 820, Height = 1180 }, HasTouch = true, Locale = "ja-JP" });
        _page = await _context.NewPageAsync();
        _page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _world.DisposeAsync();
    }

    [Fact]
    public async Task Door_OnATablet_WalkInAddedFoundByNameAndMarkedAttended()
    {
        using var api = _bot.CreateApiClient();
        using var created = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(api, "/api/v1/events", new
        {
            titles = new { ja = "マッチング交流会" },
            startsAt = DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-ddT10:00:00", System.Globalization.CultureInfo.InvariantCulture),
            venue = "市民活動センター",
            capacity = 2,
        });
        var id = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        var store = _bot.Services.GetRequiredService<ApplicationStore>();
        await store.ApplyAsync(new ApplicationRequest(id, null, "staff", 1, [], null, "富里 花子", "0476-00-0001", ByStaff: true), DateTimeOffset.UtcNow, default);
        await SignInAsAdminAsync();

        await _page.GotoAsync($"{_url}/console/events/{id}");
        await _page.GetByTestId("roster-link").ClickAsync();
        await _page.Locator("#f-name").FillAsync("七栄 一郎");
        await _page.Locator("#f-phone").FillAsync("0476-93-0000");
        await _page.GetByRole(AriaRole.Button, new() { Name = "追加" }).ClickAsync();
        await Assertions.Expect(_page.GetByRole(AriaRole.Status)).ToContainTextAsync("七栄 一郎さんの申し込みを登録しました（番号 2）");
        await Assertions.Expect(_page.GetByTestId("roster-confirmed").Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(_page.GetByTestId("count-applied")).ToHaveTextAsync("2");
        await _page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "60-roster.png"), FullPage = true });

        await _page.GetByRole(AriaRole.Link, new() { Name = "受付（出席の記録）" }).ClickAsync();
        await _page.GetByLabel("番号か名前で探す").FillAsync("七栄");
        await _page.GetByRole(AriaRole.Button, new() { Name = "探す" }).TapAsync();
        var rows = _page.GetByTestId("door-list").Locator("li");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        var arrived = rows.First.GetByRole(AriaRole.Button, new() { Name = "出席" });
        var box = await arrived.BoundingBoxAsync();
        Assert.True(box is { Height: >= 60 }, $"the door button is {box?.Height}px high");
        await arrived.TapAsync();

        await Assertions.Expect(_page.GetByRole(AriaRole.Status)).ToContainTextAsync("番号 2（七栄 一郎さん・1人）の出席を記録しました");
        await Assertions.Expect(_page.GetByTestId("door-counts")).ToContainTextAsync("出席 1 / 申し込み 2人");
        Assert.Equal(0, await _page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth"));
        await _page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "61-door-tablet.png"), FullPage = true });
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
