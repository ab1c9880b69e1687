using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Conversations.Menu;
using OutreachBot.Conversations.RichMenus;
using OutreachBot.LineEmulator.Api;
using OutreachBot.LineEmulator.Validation;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Conversations;

/// <summary>Rich menus: one per language, made once however often the bot starts, and linked as citizens choose a language.</summary>
public abstract class RichMenuTests(string provider) : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> MenusOn = new() { ["Conversations:RichMenu:Enabled"] = "true" };
    private ConversationHost _host = null!;

    public async Task InitializeAsync() => _host = await ConversationHost.StartAsync(provider, MenusOn);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [SkippableFact]
    public async Task Provision_TwoStarts_OneMenuPerLanguageCreatedOnce()
    {
        var first = await ReadyAsync();
        await _host.RestartAsync(MenusOn);
        var second = await ReadyAsync();

        Assert.Equal(2 * Languages.Supported.Count, _host.Line.RichMenus.Menus.Count);
        Assert.Equal(first, second);
        Assert.Equal(2 * Languages.Supported.Count, _host.Line.Journal.For("/v2/bot/richmenu").Count(r => r.Method == "POST"));
        Assert.Equal(first[Languages.Japanese], _host.Line.RichMenus.DefaultRichMenuId);
        Assert.Equal(first["ja-easy"], _host.Line.RichMenus.Aliases["outreachbot-ja-easy"]);
        foreach (var menu in EverydayMenus())
        {
            Assert.Equal((2500, 1686), RichMenuImage.ReadSize(menu.Image, menu.ImageContentType));
            Assert.True(menu.Image!.Length <= 1024 * 1024);
            Assert.Equal(MenuWorld.ShippedEntries.Count, menu.Request.GetProperty("areas").GetArrayLength());
        }

        LineChecks.AllValid(_host.Line);
    }

    [SkippableFact]
    public async Task Provision_MenuTextChanged_NewMenuLinkedToItsCitizensAndOldOneDeleted()
    {
        var before = await ReadyAsync();
        var chat = _host.Citizen("Umenuchange00000000000000000001", "en");
        await chat.FollowAsync();
        await chat.TapAsync("v1|lang|en");
        Assert.Equal(before["en"], _host.Line.Users.Find(chat.UserId)!.RichMenuId);

        await _host.RestartAsync(new Dictionary<string, string?>(MenusOn) { ["Conversations:Texts:en:Menu.Help"] = "Help & FAQ" });
        var after = await ReadyAsync();

        Assert.NotEqual(before["en"], after["en"]);
        Assert.Equal(before[Languages.Japanese], after[Languages.Japanese]);
        Assert.Null(_host.Line.RichMenus.Find(before["en"]));
        Assert.Equal(2 * Languages.Supported.Count, _host.Line.RichMenus.Menus.Count);
        await WaitAsync(() => _host.Line.Users.Find(chat.UserId)!.RichMenuId == after["en"]);
    }

    [SkippableFact]
    public async Task Provision_EntryRegisteredByADeploy_NewMenusWithItsAreaDefaultAndCitizensRelinked()
    {
        var before = await ReadyAsync();
        var chat = _host.Citizen("Umenuentry0000000000000000000001", "ja");
        await chat.FollowAsync();
        Assert.Equal(before[Languages.Japanese], _host.Line.Users.Find(chat.UserId)!.RichMenuId);

        await _host.RestartAsync(
            new Dictionary<string, string?>(MenusOn.Concat(MenuWorld.ExtraLabelSettings())),
            services => services.AddMenuEntry(MenuWorld.Extra(1)));
        var after = await ReadyAsync();

        Assert.All(Languages.Supported, l => Assert.NotEqual(before[l.Code], after[l.Code]));
        Assert.All(before.Values, id => Assert.Null(_host.Line.RichMenus.Find(id)));
        Assert.Equal(2 * Languages.Supported.Count, _host.Line.RichMenus.Menus.Count);
        Assert.Equal(after[Languages.Japanese], _host.Line.RichMenus.DefaultRichMenuId);
        Assert.Equal(after["en"], _host.Line.RichMenus.Aliases["outreachbot-en"]);
        foreach (var menu in EverydayMenus())
        {
            Assert.Equal(MenuWorld.ShippedEntries.Count + 1, menu.Request.GetProperty("areas").GetArrayLength());
            Assert.Equal((2500, 1686), RichMenuImage.ReadSize(menu.Image, menu.ImageContentType));
        }

        Assert.Equal("v1|events|1", RichMenuArea(after[Languages.Japanese], MenuWorld.ShippedEntries.Count));
        await WaitAsync(() => _host.Line.Users.Find(chat.UserId)!.RichMenuId == after[Languages.Japanese]);
        var menuAnswer = await chat.SayAsync("メニュー");
        Assert.Contains(("追加 1", "v1|events|1"), Sent.Buttons(menuAnswer));
        LineChecks.AllValid(_host.Line);
    }

    [SkippableFact]
    public async Task Language_Chosen_CitizenGetsThatLanguagesMenu()
    {
        var menus = await ReadyAsync();
        var chat = _host.Citizen("Umenulink0000000000000000000001", "ja");

        await chat.FollowAsync();
        Assert.Equal(menus[Languages.Japanese], _host.Line.Users.Find(chat.UserId)!.RichMenuId);
        await chat.TapAsync("v1|lang|vi");
        Assert.Equal(menus["vi"], _host.Line.Users.Find(chat.UserId)!.RichMenuId);
        var tapped = await chat.TapAsync(RichMenuArea(menus["vi"], 0));

        Assert.Contains("Hãy chọn chủ đề", Sent.Text(tapped));
        LineChecks.AllValid(_host.Line);
    }

    /// <summary>The menus of every day, not the disaster menus beside them.</summary>
    private IEnumerable<StoredRichMenu> EverydayMenus() =>
        _host.Line.RichMenus.Menus.Where(m => m.Request.GetProperty("name").GetString()!.StartsWith(RichMenuLayout.NamePrefix + " ", StringComparison.Ordinal));

    private string RichMenuArea(string richMenuId, int index) =>
        _host.Line.RichMenus.Find(richMenuId)!.Request.GetProperty("areas")[index].GetProperty("action").GetProperty("data").GetString()!;

    private async Task<IReadOnlyDictionary<string, string>> ReadyAsync()
    {
        var directory = _host.Bot.Services.GetRequiredService<RichMenuDirectory>();
        await directory.Ready.WaitAsync(TimeSpan.FromSeconds(60));
        return directory.Menus;
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}

public sealed class RichMenuTestsOnSqlite() : RichMenuTests("Sqlite");

public sealed class RichMenuTestsOnPostgres() : RichMenuTests("Postgres");
