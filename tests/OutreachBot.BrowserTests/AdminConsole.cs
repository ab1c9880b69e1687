using Microsoft.Playwright;
using OutreachBot.LineEmulator.Hosting;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.BrowserTests;

/// <summary>
/// A bot on SQLite with the LINE emulator and one browser page signed in to its console as the bootstrap admin (first
/// sign-in, password changed): what a console page's browser test starts from.
/// </summary>
public sealed class AdminConsole : IAsyncDisposable
{
    private const string BootstrapPassword = "first-start-password";
    private const string NewPassword = "市民活動センター 2025 冬";

    private AdminConsole(TestWorld world, TestBot bot, IBrowserContext context, IPage page)
    {
        World = world;
        Bot = bot;
        Context = context;
        Page = page;
    }

    public TestWorld World { get; }

    public TestBot Bot { get; }

    public IBrowserContext Context { get; }

    /// <summary>Accepts every confirm dialog (<c>data-confirm</c>) as staff would.</summary>
    public IPage Page { get; }

    public string Url => Bot.Address;

    public static async Task<AdminConsole> StartAsync(Browser browser, BrowserNewContextOptions? options = null)
    {
        var world = await TestWorld.StartAsync("Sqlite", new EmulatorOptions { ChannelSecret = TestBot.ChannelSecret });
        var bot = world.StartBotOnPort(new Dictionary<string, string?>
        {
            ["Console:BootstrapAdminPassword"] = BootstrapPassword,
            ["Conversations:RichMenu:Enabled"] = "false",
        });
        var context = await browser.Chromium.NewContextAsync(options ?? new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "ja-JP", AcceptDownloads = true });
        var page = await context.NewPageAsync();
        page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        var console = new AdminConsole(world, bot, context, page);
        await console.SignInAsync();
        return console;
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await World.DisposeAsync();
    }

    private async Task SignInAsync()
    {
        await Page.GotoAsync(Url + "/console/signin");
        await Page.GetByLabel("ユーザー名").FillAsync("admin");
        await Page.GetByLabel("パスワード").FillAsync(BootstrapPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).ClickAsync();
        await Page.Locator("#f-current").FillAsync(BootstrapPassword);
        await Page.Locator("#f-new").FillAsync(NewPassword);
        await Page.Locator("#f-confirm").FillAsync(NewPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "変更する" }).ClickAsync();
        await Page.WaitForURLAsync(Url + "/console");
    }
}
