using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OutreachBot.Staff;
using OutreachBot.StaffConsole;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.BrowserTests;

/// <summary>A resident subscribes by e-mail on a phone, confirms from the mail smtp4dev received, changes the mails' language; an admin sees them.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class MailSubscriberBrowserTests(Browser browser) : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private const string Address = "hanako.yamada@example.jp";

    private Smtp4devServer _smtp = null!;
    private TestWorld _world = null!;
    private TestBot _bot = null!;
    private string _url = null!;

    public async Task InitializeAsync()
    {
        _smtp = await Smtp4devServer.StartAsync();
        _world = await TestWorld.StartAsync("Sqlite");
        _bot = _world.StartBotOnPort(
            new Dictionary<string, string?>(_smtp.Settings) { ["Api:Keys:0:Key"] = null, ["Api:Keys:0:Account"] = null, ["Api:Keys:0:Role"] = null },
            RecordingHandler.Register);
        _url = _bot.Address;
        var hash = _bot.Services.GetRequiredService<StaffPasswords>().Hash(Password);
        await _bot.Services.GetRequiredService<StaffAccountStore>()
            .CreateAsync(new StaffAccountDraft("kanri", "管理 太郎", StaffRole.Admin), hash, false, DateTimeOffset.UtcNow, default);
    }

    public async Task DisposeAsync()
    {
        await _world.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task Resident_SubscribesOnAPhoneConfirmsFromTheMailAndChangesLanguage_AdminSeesThem()
    {
        await using var phone = await browser.Chromium.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, Locale = "ja-JP",
        });
        var page = await phone.NewPageAsync();
        await page.GotoAsync(_url + "/subscribe");
        Assert.Equal("ja", await page.GetAttributeAsync("html", "lang"));
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the form is wider than a phone");

        await page.GetByLabel("メールアドレス").FillAsync(Address);
        await page.GetByLabel("ボランティア募集").CheckAsync();
        await page.GetByLabel("メールの言語").SelectOptionAsync("en");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "60-subscribe-phone.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "登録する" }).TapAsync();
        await Assertions.Expect(page.GetByTestId("check-mail")).ToBeVisibleAsync();

        var confirmation = (await _smtp.WaitForMessagesAsync(1)).Single();
        Assert.Equal("Please confirm: civic activity news by e-mail", confirmation.Subject);
        await page.GotoAsync(Link().Match(confirmation.TextBody ?? "").Value);
        await Assertions.Expect(page.GetByTestId("confirmed")).ToContainTextAsync("You will get the next news by e-mail.");

        await _world.Database.ExecuteAsync("UPDATE mail_subscribers SET confirmation_sent_at = NULL");
        await page.GotoAsync(_url + "/subscribe?lang=en");
        await page.GetByLabel("E-mail address").FillAsync(Address);
        await page.GetByLabel("Volunteer calls").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).TapAsync();
        await Assertions.Expect(page.GetByTestId("check-mail")).ToBeVisibleAsync();
        var manageMail = (await _smtp.WaitForMessagesAsync(2))[1];
        await page.GotoAsync(Link().Match(manageMail.TextBody ?? "").Value);
        await Assertions.Expect(page.GetByLabel("Volunteer calls")).ToBeCheckedAsync();
        await page.GetByLabel("Language of the mails").SelectOptionAsync("ja");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).TapAsync();
        await Assertions.Expect(page.GetByTestId("saved")).ToBeVisibleAsync();
        Assert.Equal("ja", await _world.Database.ScalarAsync<string>("SELECT language FROM mail_subscribers"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "61-subscribe-manage-phone.png"), FullPage = true });

        await using var office = await browser.Chromium.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "ja-JP" });
        var admin = await office.NewPageAsync();
        await admin.GotoAsync(_url + "/console/signin");
        await admin.GetByLabel("ユーザー名").FillAsync("kanri");
        await admin.GetByLabel("パスワード").FillAsync(Password);
        await admin.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).ClickAsync();
        await admin.WaitForURLAsync(_url + "/console");
        await admin.GetByRole(AriaRole.Link, new() { Name = "メール購読者" }).ClickAsync();
        var row = admin.GetByTestId("mail-subscribers").Locator("tr", new() { HasText = Address });
        await Assertions.Expect(row).ToContainTextAsync("購読中");
        await Assertions.Expect(row).ToContainTextAsync("volunteer");
        await admin.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "62-mail-subscribers-admin.png"), FullPage = true });
    }

    [GeneratedRegex(@"http://\S+/subscribe/(confirm|manage)\?\S+")]
    private static partial Regex Link();
}
