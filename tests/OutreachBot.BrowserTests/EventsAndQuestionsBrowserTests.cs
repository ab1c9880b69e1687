using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OutreachBot.LineEmulator.Hosting;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.BrowserTests;

/// <summary>
/// The events, questions and FAQ pages in Debian's chromium, with the LINE emulator's chat in a second tab: a citizen
/// writes in the chat, staff answer in the console, and the answer appears in the chat. Bot and emulator on real ports.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class EventsAndQuestionsBrowserTests(Browser browser) : IAsyncLifetime
{
    private const string BootstrapPassword = "first-start-password";
    private const string NewPassword = "市民活動センター 2025 春";
    private const string CitizenId = "U0000000000000000000000000000a11c";

    private TestWorld _world = null!;
    private LineEmulatorServer _line = null!;
    private TestBot _bot = null!;
    private IBrowserContext _context = null!;
    private IPage _console = null!;
    private IPage _chat = null!;
    private string _url = null!;
    private bool _dialogShown;

    public async Task InitializeAsync()
    {
        _world = await TestWorld.StartAsync("Sqlite", new EmulatorOptions { ChannelSecret = TestBot.ChannelSecret });
        _line = _world.Line;
        _bot = _world.StartBotOnPort(new Dictionary<string, string?>
        {
            ["Console:BootstrapAdminPassword"] = BootstrapPassword,
            ["Conversations:RichMenu:Enabled"] = "false",
        });
        _url = _bot.Address;
        _line.ConnectBot(new Uri(_url + "/webhook/line"));
        _context = await browser.Chromium.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "ja-JP" });
        _console = await _context.NewPageAsync();
        _console.Dialog += (_, dialog) =>
        {
            _dialogShown |= dialog.Type == "alert";
            _ = dialog.AcceptAsync();
        };
        _chat = await _context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _world.DisposeAsync();
    }

    [Fact]
    public async Task Event_CreatedInTheConsole_GetsItsAnnouncementAndReminderBroadcasts()
    {
        await SignInAsAdminAsync();
        await _console.GetByRole(AriaRole.Link, new() { Name = "イベント Events" }).ClickAsync();
        await _console.GetByRole(AriaRole.Link, new() { Name = "イベントを追加" }).ClickAsync();
        await _console.Locator("#f-titles-en").FillAsync("Civic Festival");
        await _console.Locator("#f-venue").FillAsync("市民活動センター ホール");
        await _console.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(_console.Locator(".error-summary")).ToBeFocusedAsync();
        Assert.Equal("Civic Festival", await _console.Locator("#f-titles-en").InputValueAsync());
        await ShotAsync(_console, "30-event-form-errors", fullPage: true);

        var day = DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await _console.Locator("#f-titles-ja").FillAsync("市民活動フェスタ2026");
        await _console.Locator("#f-startsAt").FillAsync(day);
        await _console.Locator("#f-startTime").FillAsync("10:00");
        await _console.Locator("#f-endsAt").FillAsync(day);
        await _console.Locator("#f-endTime").FillAsync("16:00");
        await _console.Locator("#f-url").FillAsync("https://example.org/festa");
        await _console.Locator("#f-topic").SelectOptionAsync("volunteer");
        await _console.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(_console.GetByRole(AriaRole.Status)).ToContainTextAsync("「市民活動フェスタ2026」を保存しました。");
        await Assertions.Expect(_console.GetByTestId("event")).ToContainTextAsync($"{day} 10:00");

        await _console.GetByRole(AriaRole.Button, new() { Name = "告知とリマインダーの配信を作成" }).ClickAsync();
        await Assertions.Expect(_console.GetByRole(AriaRole.Status)).ToContainTextAsync("配信を作成しました");
        await Assertions.Expect(_console.GetByTestId("announcement-link")).ToContainTextAsync("イベント告知: 市民活動フェスタ2026");
        await Assertions.Expect(_console.GetByTestId("reminder-link")).ToContainTextAsync("リマインダー: 市民活動フェスタ2026");
        await ShotAsync(_console, "31-event-detail", fullPage: true);

        await _console.GetByRole(AriaRole.Link, new() { Name = "イベント一覧" }).ClickAsync();
        await Assertions.Expect(_console.GetByTestId("upcoming-events")).ToContainTextAsync("市民活動フェスタ2026");
        await ShotAsync(_console, "32-events", fullPage: true);
    }

    [Fact]
    public async Task Question_AskedInTheEmulatorChat_IsAssignedAnsweredInTheChatAndDone()
    {
        await FollowInTheChatAsync();
        await SayInTheChatAsync("ボランティア保険の申込書はどこでもらえますか？", "受付番号");
        await SayInTheChatAsync("<script>alert(1)</script>", "受付番号 2");

        await SignInAsAdminAsync();
        await Assertions.Expect(_console.GetByTestId("open-questions")).ToHaveTextAsync("2");
        await _console.GetByTestId("open-questions-link").ClickAsync();
        await Assertions.Expect(_console.GetByTestId("threads")).ToContainTextAsync("<script>alert(1)</script>");
        await AssertNoInjectedScriptAsync();
        await ShotAsync(_console, "33-questions-inbox", fullPage: true);

        await _console.GetByRole(AriaRole.Link, new() { Name = "山田 花子" }).ClickAsync();
        await Assertions.Expect(_console.GetByTestId("thread")).ToContainTextAsync("ボランティア保険の申込書");
        await Assertions.Expect(_console.GetByTestId("thread")).ToContainTextAsync("<script>alert(1)</script>");
        await AssertNoInjectedScriptAsync();
        await _console.Locator("#f-assignee").SelectOptionAsync("admin");
        await _console.GetByRole(AriaRole.Button, new() { Name = "担当を設定" }).ClickAsync();
        await Assertions.Expect(_console.GetByTestId("assignee")).Not.ToHaveTextAsync("—");

        const string answer = "申込書は市民活動センターの窓口とホームページにあります。";
        await _console.GetByLabel("返信（LINEのプッシュメッセージで送ります）").FillAsync(answer);
        await _console.GetByRole(AriaRole.Button, new() { Name = "送信" }).ClickAsync();
        await Assertions.Expect(_console.GetByRole(AriaRole.Status)).ToContainTextAsync("返信を送信しました。");
        await Assertions.Expect(_console.GetByTestId("thread")).ToContainTextAsync(answer);
        await ShotAsync(_console, "34-question-thread", fullPage: true);

        await Assertions.Expect(_chat.Locator("#transcript")).ToContainTextAsync(answer);
        await ShotAsync(_chat, "35-emulator-chat-reply", fullPage: true);

        await _console.GetByRole(AriaRole.Button, new() { Name = "完了にする" }).ClickAsync();
        await Assertions.Expect(_console.GetByRole(AriaRole.Status)).ToContainTextAsync("完了にしました。");
        await _console.GotoAsync(_url + "/console/questions?status=done");
        await Assertions.Expect(_console.GetByTestId("threads")).ToContainTextAsync("山田 花子");
        Assert.False(_dialogShown, "an alert ran in the console");
    }

    [Fact]
    public async Task Faq_CreatedInTheConsole_AnswersTheCitizenInTheChatAtOnce()
    {
        await SignInAsAdminAsync();
        await _console.GetByRole(AriaRole.Link, new() { Name = "FAQ FAQ" }).ClickAsync();
        await _console.GetByRole(AriaRole.Link, new() { Name = "FAQを追加" }).ClickAsync();
        await _console.GetByLabel("キーワード（1行に1つ）").FillAsync("駐車場\nちゅうしゃじょう");
        await _console.Locator("#f-answer").FillAsync("センターの駐車場は30台分あります（無料）。");
        await _console.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(_console.GetByTestId("faq")).ToContainTextAsync("30台分");
        await ShotAsync(_console, "36-faq", fullPage: true);

        await FollowInTheChatAsync();
        await SayInTheChatAsync("駐車場はありますか？", "30台分あります");
    }

    private async Task FollowInTheChatAsync()
    {
        await _chat.GotoAsync(new Uri(_line.BaseUrl, "chat").ToString());
        await _chat.Locator("#new-citizen input[name=displayName]").FillAsync("山田 花子");
        await _chat.Locator("#new-citizen input[name=userId]").FillAsync(CitizenId);
        await _chat.Locator("#new-citizen button[type=submit]").ClickAsync();
        await _chat.Locator("#follow").ClickAsync();
        await Assertions.Expect(_chat.Locator("#transcript li:not(.citizen)").First).ToBeVisibleAsync(); // the bot's greeting
    }

    private async Task SayInTheChatAsync(string text, string expectedAnswer)
    {
        await _chat.Locator("#composer textarea").FillAsync(text);
        await _chat.Locator("#composer button[type=submit]").ClickAsync();
        await Assertions.Expect(_chat.Locator("#transcript")).ToContainTextAsync(expectedAnswer);
    }

    /// <summary>The only script on the page is the console's own file: the citizen's text made no element.</summary>
    private async Task AssertNoInjectedScriptAsync()
    {
        Assert.Equal(0, await _console.EvaluateAsync<int>("[...document.scripts].filter(s => s.textContent.includes('alert')).length"));
        Assert.Equal(1, await _console.EvaluateAsync<int>("document.scripts.length"));
        Assert.False(_dialogShown, "an alert ran in the console");
    }

    private async Task SignInAsAdminAsync()
    {
        await _console.GotoAsync(_url + "/console/signin");
        await _console.GetByLabel("ユーザー名").FillAsync("admin");
        await _console.GetByLabel("パスワード").FillAsync(BootstrapPassword);
        await _console.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).ClickAsync();
        await _console.Locator("#f-current").FillAsync(BootstrapPassword);
        await _console.Locator("#f-new").FillAsync(NewPassword);
        await _console.Locator("#f-confirm").FillAsync(NewPassword);
        await _console.GetByRole(AriaRole.Button, new() { Name = "変更する" }).ClickAsync();
        await _console.WaitForURLAsync(_url + "/console");
    }

    private static async Task ShotAsync(IPage page, string name, bool fullPage = false) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, name + ".png"), FullPage = fullPage });
}
