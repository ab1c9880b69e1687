using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OutreachBot.LineEmulator.Hosting;
using OutreachBot.Staff;
using OutreachBot.StaffConsole;
using OutreachBot.Subscriptions;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.BrowserTests;

/// <summary>Broadcasts in Debian's chromium: an editor composes with the preview and counters, another account approves, LINE (the emulator) receives it.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class BroadcastBrowserTests(Browser browser) : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private const int Followers = 4;

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
                ["Api:Keys:0:Key"] = null,
                ["Api:Keys:0:Account"] = null,
                ["Api:Keys:0:Role"] = null,
                ["Broadcasts:RequireApproval"] = "true",
                ["Broadcasts:QuietHoursStart"] = "00:00",
                ["Broadcasts:QuietHoursEnd"] = "00:00",
                ["Broadcasts:PollInterval"] = "00:00:00.050",
            },
            RecordingHandler.Register);
        _url = _bot.Address;
        await SeedAsync();
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Broadcast_ComposedSubmittedApprovedByAnother_IsDeliveredListedAndOnTheCalendar()
    {
        await using var editorContext = await browser.Chromium.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "ja-JP" });
        var editor = await editorContext.SignInAsync(_url, "henshu", Password);
        await editor.GetByRole(AriaRole.Link, new() { Name = "配信 Broadcasts" }).ClickAsync();
        await editor.GetByRole(AriaRole.Link, new() { Name = "配信を作成" }).ClickAsync();

        await editor.Locator("#f-title").FillAsync("河川敷クリーン作戦のお知らせ");
        var text = editor.Locator("[id='f-messages-ja[0]-text']");
        await editor.Locator("[id='f-messages-ja[0]']").SelectOptionAsync("text");
        await text.FillAsync(new string('あ', 5001));
        await Assertions.Expect(editor.Locator(".counter.over").First).ToContainTextAsync("5001 / 5000");
        await Assertions.Expect(text).ToHaveAttributeAsync("aria-invalid", "true");
        await text.FillAsync("今週末、河川敷の清掃を行います。\nご参加お待ちしています。");
        await Assertions.Expect(editor.Locator(".counter").Nth(1)).ToContainTextAsync("29 / 5000");
        await Assertions.Expect(editor.GetByTestId("line-preview")).ToContainTextAsync("今週末、河川敷の清掃を行います。");

        await editor.Locator("[id='f-messages-ja[1]']").SelectOptionAsync("card");
        await editor.Locator("[id='f-messages-ja[1]-title']").FillAsync("河川敷クリーン作戦");
        await editor.Locator("[id='f-messages-ja[1]-startsAt']").FillAsync(DateTime.Today.AddDays(5).ToString("yyyy-MM-dd'T'09:30", System.Globalization.CultureInfo.InvariantCulture));
        await editor.Locator("[id='f-messages-ja[1]-venue']").FillAsync("中央公園 北側");
        await editor.Locator("[id='f-messages-ja[1]-url']").FillAsync("http://example.org");
        await Assertions.Expect(editor.Locator(".https-note")).ToBeVisibleAsync();
        await editor.Locator("[id='f-messages-ja[1]-url']").FillAsync("https://example.org/clean");
        await Assertions.Expect(editor.Locator(".line-card-title")).ToContainTextAsync("河川敷クリーン作戦");
        await Assertions.Expect(editor.Locator(".line-card")).ToContainTextAsync("中央公園 北側");

        await editor.Locator("input[name='Input.Topics'][value='volunteer']").CheckAsync();
        await Assertions.Expect(editor.GetByTestId("estimate")).ToContainTextAsync($"配信対象 {Followers} 人");
        await editor.Locator("input[name='Input.Schedule'][value='cron']").CheckAsync();
        await editor.Locator("[id='f-schedule-cron']").FillAsync("0 0 10 ? * MON");
        await Assertions.Expect(editor.GetByTestId("cron-firings").Locator("li")).ToHaveCountAsync(5);
        await Assertions.Expect(editor.GetByTestId("cron-firings")).ToContainTextAsync("10:00");
        await ShotAsync(editor, "30-broadcast-compose");
        await editor.Locator("input[name='Input.Schedule'][value='now']").CheckAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = "承認を申請" }).ClickAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Status)).ToContainTextAsync("申請しました");
        await Assertions.Expect(editor.Locator("[data-status='awaiting_approval']").First).ToBeVisibleAsync();

        await using var approverContext = await browser.Chromium.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "ja-JP" });
        var approver = await approverContext.SignInAsync(_url, "shonin", Password);
        await approver.GotoAsync(_url + "/console/broadcasts/approvals");
        await approver.GetByRole(AriaRole.Link, new() { Name = "河川敷クリーン作戦のお知らせ" }).ClickAsync();
        await Assertions.Expect(approver.GetByTestId("line-preview").First).ToContainTextAsync("中央公園 北側");
        await ShotAsync(approver, "31-broadcast-approval");
        await approver.GetByRole(AriaRole.Button, new() { Name = "承認する" }).ClickAsync();
        await Assertions.Expect(approver.GetByRole(AriaRole.Status)).ToContainTextAsync("承認しました");

        await editor.GotoAsync(_url + "/console/broadcasts?status=sent");
        for (var i = 0; i < 100 && !(await editor.GetByTestId("broadcasts").CountAsync() > 0); i++)
        {
            await Task.Delay(100);
            await editor.ReloadAsync();
        }

        await Assertions.Expect(editor.GetByTestId("broadcasts")).ToContainTextAsync("河川敷クリーン作戦のお知らせ");
        await ShotAsync(editor, "32-broadcast-list");
        Assert.Equal(Followers, _line.Journal.Deliveries.Where(d => d.Via == "multicast").Select(d => d.Recipient).Distinct().Count());

        await editor.GetByRole(AriaRole.Link, new() { Name = "河川敷クリーン作戦のお知らせ" }).ClickAsync();
        await Assertions.Expect(editor.Locator("[data-count='accepted']")).ToHaveTextAsync(Followers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await ShotAsync(editor, "33-broadcast-detail", fullPage: true);

        await editor.GotoAsync(_url + "/console/broadcasts/calendar");
        await Assertions.Expect(editor.Locator("td.today .calendar-entry")).ToContainTextAsync("河川敷クリーン作戦のお知らせ");
        await ShotAsync(editor, "34-broadcast-calendar", fullPage: true);
    }

    private async Task SeedAsync()
    {
        var accounts = _bot.Services.GetRequiredService<StaffAccountStore>();
        var hash = _bot.Services.GetRequiredService<StaffPasswords>().Hash(Password);
        var now = DateTimeOffset.UtcNow;
        await accounts.CreateAsync(new StaffAccountDraft("henshu", "編集 花子", StaffRole.Editor), hash, false, now, default);
        await accounts.CreateAsync(new StaffAccountDraft("shonin", "承認 太郎", StaffRole.Approver), hash, false, now, default);
        var volunteer = (await _bot.Services.GetRequiredService<TopicStore>().FindAsync("volunteer", default))!;
        for (var i = 0; i < Followers; i++)
        {
            var user = $"U{i:x32}";
            await _bot.Services.GetRequiredService<CitizenStore>().FollowAsync(user, "ja", null, DateTimeOffset.UtcNow.AddMinutes(-1), default);
            await _bot.Services.GetRequiredService<SubscriptionStore>().SubscribeAsync(user, volunteer.Id, DateTimeOffset.UtcNow.AddMinutes(-1), default);
            _line.AddFollower(user);
        }
    }

    private static async Task ShotAsync(IPage page, string name, bool fullPage = false) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, name + ".png"), FullPage = fullPage });
}
