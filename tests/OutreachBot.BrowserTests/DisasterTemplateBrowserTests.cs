using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OutreachBot.Disaster;
using OutreachBot.Disaster.Templates;
using OutreachBot.Staff;

namespace OutreachBot.BrowserTests;

/// <summary>
/// In disaster mode the composer starts from a disaster template in Debian's chromium: one still missing languages is
/// refused with their list, a translated one fills every language's message, urgent, to every follower.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class DisasterTemplateBrowserTests(Browser browser) : IAsyncLifetime
{
    private static readonly StaffActor Admin = new("admin", null, null);

    private AdminConsole _console = null!;

    private IPage Page => _console.Page;

    public async Task InitializeAsync() => _console = await AdminConsole.StartAsync(browser);

    public async Task DisposeAsync() => await _console.DisposeAsync();

    [Fact]
    public async Task Composer_StartsFromATranslatedTemplate_EachLanguageItsOwnMessage()
    {
        var templates = _console.Bot.Services.GetRequiredService<DisasterTemplateEditor>();
        await templates.CreateAsync(Draft("火災（翻訳中）", "ja"), Admin, default);
        await templates.CreateAsync(Draft("津波避難指示", [.. Languages.Supported.Select(l => l.Code)]), Admin, default);
        var switchboard = _console.Bot.Services.GetRequiredService<DisasterSwitchboard>();
        await switchboard.SwitchAsync(new DisasterSwitchRequest(true, false, [], "津波警報"), Admin, default);
        await switchboard.SwitchAsync(new DisasterSwitchRequest(true, false, [], "確認しました"), new StaffActor("second-approver", null, null), default);

        await Page.GotoAsync(_console.Url + "/console/broadcasts/compose");
        var choice = Page.GetByLabel("防災テンプレートから作成");
        await choice.SelectOptionAsync(new SelectOptionValue { Index = 0 });
        await Page.GetByRole(AriaRole.Button, new() { Name = "テンプレートから作成" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#e-template")).ToContainTextAsync("未翻訳のため使えません: ja-easy, en, vi, pt-BR, zh-Hans, ko");
        await Page.GetByLabel("防災テンプレートから作成").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await Page.GetByRole(AriaRole.Button, new() { Name = "テンプレートから作成" }).ClickAsync();

        await Assertions.Expect(Page.Locator("[id='f-messages-vi[0]-text']")).ToHaveValueAsync("避難指示 vi\n\n高台へ避難してください (vi)");
        await Assertions.Expect(Page.Locator("[id='f-messages-ja[0]-text']")).ToHaveValueAsync("避難指示 ja\n\n高台へ避難してください (ja)");
        await Assertions.Expect(Page.Locator("#everyone")).ToBeCheckedAsync();
        await Assertions.Expect(Page.GetByLabel("緊急（防災など）: 夜間の配信停止時間帯でも送る")).ToBeCheckedAsync();
        await Page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "82-disaster-template-compose.png"), FullPage = true });
    }

    private static DisasterTemplateDraft Draft(string name, params string[] languages) =>
        new(name, languages.ToDictionary(l => l, l => new TemplateText($"避難指示 {l}", $"高台へ避難してください ({l})")));
}
