using Microsoft.Playwright;
using MimeKit;
using OutreachBot.LineEmulator.Hosting;

namespace OutreachBot.BrowserTests;

/// <summary>Local mode's mails in the emulator's page: listed beside the chat, the chosen one rendered without its scripts.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class EmulatorMailBrowserTests(Browser browser) : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("emulator-mail-").FullName;
    private readonly List<string> _scriptErrors = [];
    private LineEmulatorServer _line = null!;
    private IBrowserContext _context = null!;

    public async Task InitializeAsync()
    {
        _line = await LineEmulatorServer.StartAsync(new EmulatorOptions { MailFolder = _folder });
        _context = await browser.Chromium.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 }, Locale = "ja-JP" });
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _line.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task MailPanel_MailWrittenToTheFolder_ListedAndRenderedWithItsHeaders()
    {
        var page = await _context.NewPageAsync();
        page.PageError += (_, error) => _scriptErrors.Add(error);
        await page.GotoAsync($"{_line.BaseUrl.ToString().TrimEnd('/')}/chat");
        await Assertions.Expect(page.Locator("#mails")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#no-mails")).ToBeVisibleAsync();

        await WriteMailAsync("20261207T050000000-older.eml", "先月のお知らせ", "older@example.jp", File.GetLastWriteTimeUtc(_folder) - TimeSpan.FromHours(1));
        await WriteMailAsync("20261207T060000000-newer.eml", "清掃活動のお知らせ", "hanako@example.jp", DateTime.UtcNow);

        var items = page.Locator("#mail-list .mail-item");
        await Assertions.Expect(items).ToHaveCountAsync(2, new() { Timeout = 10_000 });
        await Assertions.Expect(items.First).ToContainTextAsync("清掃活動のお知らせ");
        await Assertions.Expect(items.First).ToContainTextAsync("hanako@example.jp");

        await items.First.ClickAsync();

        var view = page.Locator("#mail-view");
        await Assertions.Expect(view.Locator(".mail-title")).ToHaveTextAsync("清掃活動のお知らせ");
        await Assertions.Expect(view).ToContainTextAsync("<https://bot.example.jp/subscribe/unsubscribe?t=abc&lang=ja>");
        await Assertions.Expect(view).ToContainTextAsync("List-Unsubscribe=One-Click");
        await Assertions.Expect(view).ToContainTextAsync("newer@outreachbot.test");
        await Assertions.Expect(view.Locator(".mail-text")).ToContainTextAsync("土曜日の清掃活動（テキスト版）");
        var frame = view.Locator("iframe.mail-html");
        Assert.Equal("allow-popups allow-popups-to-escape-sandbox", await frame.GetAttributeAsync("sandbox"));
        var mail = page.FrameLocator("iframe.mail-html");
        await Assertions.Expect(mail.Locator("h1")).ToHaveTextAsync("土曜日の清掃活動");
        await Assertions.Expect(mail.Locator("h1")).ToHaveCSSAsync("color", "rgb(0, 128, 0)");
        await Assertions.Expect(mail.Locator("#ran")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "55-emulator-mail-panel.png"), FullPage = true });
        Assert.Equal("LINE エミュレーター / LINE emulator", await page.TitleAsync());
        Assert.Empty(_scriptErrors);
    }

    private async Task WriteMailAsync(string name, string subject, string to, DateTime written)
    {
        var message = new MimeMessage { Subject = subject, MessageId = $"{Path.GetFileNameWithoutExtension(name).Split('-')[^1]}@outreachbot.test" };
        message.From.Add(new MailboxAddress("市民活動推進課", "katsudo@city.example.jp"));
        message.To.Add(MailboxAddress.Parse(to));
        message.Headers.Add(HeaderId.ListUnsubscribe, "<https://bot.example.jp/subscribe/unsubscribe?t=abc&lang=ja>");
        message.Headers.Add(HeaderId.ListUnsubscribePost, "List-Unsubscribe=One-Click");
        message.Body = new BodyBuilder
        {
            TextBody = "土曜日の清掃活動（テキスト版）",
            HtmlBody = """
                <h1 style="color: green">土曜日の清掃活動</h1><p>ご参加ください。</p>
                <script>document.body.insertAdjacentHTML('beforeend', '<p id="ran">script ran</p>'); parent.document.title = 'pwned';</script>
                """,
        }.ToMessageBody();
        var path = Path.Combine(_folder, name);
        await message.WriteToAsync(path);
        File.SetLastWriteTimeUtc(path, written);
    }
}
