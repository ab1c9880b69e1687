using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OutreachBot.LineEmulator.Hosting;
using OutreachBot.Staff;
using OutreachBot.StaffConsole;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.BrowserTests;

/// <summary>
/// The whole flow in chromium, the bot and the LINE emulator on real ports: staff make a topic, a citizen
/// subscribes in the emulator's chat, a broadcast is composed and approved by another account, the citizen's chat
/// shows it, and the dashboard counts the subscriber. (Replying to a question belongs to the questions inbox.)
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class EndToEndBrowserTests(Browser browser) : IAsyncLifetime
{
    private const string Password = "correct horse battery";

    private TestWorld _world = null!;
    private LineEmulatorServer _line = null!;
    private TestBot _bot = null!;
    private string _url = null!;

    public async Task InitializeAsync()
    {
        _world = await TestWorld.StartAsync("Sqlite", new EmulatorOptions { ChannelSecret = TestBot.ChannelSecret });
        _line = _world.Line;
        _bot = _world.StartBotOnPort(new Dictionary<string, string?>
        {
            ["Api:Keys:0:Key"] = null,
            ["Api:Keys:0:Account"] = null,
            ["Api:Keys:0:Role"] = null,
            ["Conversations:RichMenu:Enabled"] = "false",
            ["Broadcasts:RequireApproval"] = "true",
            ["Broadcasts:QuietHoursStart"] = "00:00",
            ["Broadcasts:QuietHoursEnd"] = "00:00",
            ["Broadcasts:PollInterval"] = "00:00:00.050",
        });
        _url = _bot.Address;
        _line.ConnectBot(new Uri(_url + "/webhook/line"));
        var accounts = _bot.Services.GetRequiredService<StaffAccountStore>();
        var hash = _bot.Services.GetRequiredService<StaffPasswords>().Hash(Password);
        var now = DateTimeOffset.UtcNow;
        await accounts.CreateAsync(new StaffAccountDraft("henshu", "編集 花子", StaffRole.Editor), hash, false, now, default);
        await accounts.CreateAsync(new StaffAccountDraft("shonin", "承認 太郎", StaffRole.Approver), hash, false, now, default);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Staff_TopicCitizenSubscribesBroadcastApproved_CitizenSeesItAndTheDashboardCountsThem()
    {
        await using var staff = await browser.Chromium.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "ja-JP" });
        var editor = await staff.SignInAsync(_url, "henshu", Password);
        await editor.GotoAsync(_url + "/console/topics/edit");
        await editor.Locator("#f-slug").FillAsync("river");
        await editor.Locator("#f-names-ja").FillAsync("川の清掃");
        await editor.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await editor.WaitForURLAsync(_url + "/console/topics");

        await using var citizenContext = await browser.Chromium.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "ja-JP" });
        var chat = await citizenContext.NewPageAsync();
        await chat.GotoAsync(_line.BaseUrl.ToString());
        await chat.Locator("#new-citizen input[name='displayName']").FillAsync("山田 花子");
        await chat.Locator("#new-citizen button[type='submit']").ClickAsync();
        await chat.Locator("#follow").ClickAsync();
        await Assertions.Expect(chat.Locator("#transcript")).ToContainTextAsync("使う言語を選んでください", new() { Timeout = 15_000 });
        await chat.Locator("#composer input, #composer textarea").First.FillAsync("登録");
        await chat.Locator("#composer button[type='submit']").ClickAsync();
        var card = chat.Locator(".fx-bubble").Filter(new() { HasText = "川の清掃" }).Last;
        await card.GetByText("登録する").ClickAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(chat.Locator("#transcript")).ToContainTextAsync("登録しました", new() { Timeout = 15_000 });
        await chat.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "40-e2e-citizen-subscribed.png") });

        await editor.GotoAsync(_url + "/console/broadcasts/compose");
        await editor.Locator("#f-title").FillAsync("川の清掃のお知らせ");
        await editor.Locator("[id='f-messages-ja[0]']").SelectOptionAsync("text");
        await editor.Locator("[id='f-messages-ja[0]-text']").FillAsync("日曜日に川の清掃をします。");
        await editor.Locator("input[name='Input.Topics'][value='river']").CheckAsync();
        await Assertions.Expect(editor.GetByTestId("estimate")).ToContainTextAsync("配信対象 1 人");
        await editor.Locator("input[name='Input.Schedule'][value='at']").CheckAsync();
        var at = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddSeconds(70), TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        await editor.Locator("#f-schedule-at").FillAsync(at.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await editor.GetByRole(AriaRole.Button, new() { Name = "承認を申請" }).ClickAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Status)).ToContainTextAsync("申請しました");

        await using var approverContext = await browser.Chromium.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "ja-JP" });
        var approver = await approverContext.SignInAsync(_url, "shonin", Password);
        await approver.GotoAsync(_url + "/console/broadcasts/approvals");
        await approver.GetByRole(AriaRole.Link, new() { Name = "川の清掃のお知らせ" }).ClickAsync();
        await approver.GetByRole(AriaRole.Button, new() { Name = "承認する" }).ClickAsync();
        await Assertions.Expect(approver.GetByRole(AriaRole.Status)).ToContainTextAsync("承認しました");

        await Assertions.Expect(chat.Locator("#transcript")).ToContainTextAsync("日曜日に川の清掃をします。", new() { Timeout = 120_000 });
        await chat.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "41-e2e-citizen-received.png") });

        await editor.GotoAsync(_url + "/console");
        await Assertions.Expect(editor.GetByTestId("topic-counts").Locator("tr").Filter(new() { HasText = "川の清掃" })).ToContainTextAsync("1");
        await editor.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "42-e2e-dashboard.png"), FullPage = true });
    }
}
