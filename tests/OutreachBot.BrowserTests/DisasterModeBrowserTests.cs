using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OutreachBot.Disaster;
using OutreachBot.Staff;

namespace OutreachBot.BrowserTests;

/// <summary>An admin asks for disaster mode on its console page in Debian's chromium; once a second approver confirms, every page shows the red banner.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class DisasterModeBrowserTests(Browser browser) : IAsyncLifetime
{
    private AdminConsole _console = null!;

    private IPage Page => _console.Page;

    public async Task InitializeAsync() => _console = await AdminConsole.StartAsync(browser);

    public async Task DisposeAsync() => await _console.DisposeAsync();

    [Fact]
    public async Task DisasterMode_AskedThenConfirmedBySecondApprover_RedBannerOnEveryPage()
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "防災モード" }).First.ClickAsync();
        await Page.GetByLabel("理由（必須）").FillAsync("震度6強の地震");
        await Page.GetByRole(AriaRole.Button, new() { Name = "防災モードをオン" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("別の管理者または承認者が同じ操作をすると切り替わります");
        await Assertions.Expect(Page.GetByTestId("disaster-pending")).ToContainTextAsync("震度6強の地震");
        await Assertions.Expect(Page.GetByTestId("disaster-banner")).ToHaveCountAsync(0);

        var confirmed = await _console.Bot.Services.GetRequiredService<DisasterSwitchboard>().SwitchAsync(
            new DisasterSwitchRequest(true, false, [], "確認しました"), new StaffActor("second-approver", null, null), default);
        Assert.Equal(DisasterSwitchOutcome.Switched, confirmed.Outcome);

        foreach (var path in new[] { "/console", "/console/topics", "/console/broadcasts" })
        {
            await Page.GotoAsync(_console.Url + path);
            var banner = Page.GetByTestId("disaster-banner");
            await Assertions.Expect(banner).ToContainTextAsync("防災モード中");
            await Assertions.Expect(banner).ToContainTextAsync("震度6強の地震");
            Assert.Equal("rgb(176, 0, 32)", await banner.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        }

        await Page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "80-disaster-banner.png"), FullPage = true });
    }
}
