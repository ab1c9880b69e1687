using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Conversations.RichMenus;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Disaster;

/// <summary>
/// Everyone's rich menu follows disaster mode: the disaster menu of their language while it is on (the default too),
/// their own language's menu again when it is off; a drill moves its audience only, and its answers say 訓練.
/// </summary>
public abstract class DisasterMenuTests(string provider) : DisasterSuite(provider, Settings)
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Conversations:RichMenu:Enabled"] = "true",
        ["Disaster:SinglePersonSwitch"] = "true",
        ["Disaster:PollInterval"] = "00:00:00.200",
    };

    [SkippableFact]
    public async Task DisasterMode_OnThenOff_EveryFollowerGetsTheDisasterMenuOfTheirLanguageThenTheirOwnBack()
    {
        var directory = await ReadyAsync();
        var japanese = await FollowerAsync("Ud15a5e700000000000000000000000a1", "ja");
        var vietnamese = await FollowerAsync("Ud15a5e700000000000000000000000b1", "vi");

        await SwitchAsync(new { active = true, reason = "震度6強" });
        await WaitAsync(() => MenuOf(vietnamese) == directory.DisasterMenus["vi"] && MenuOf(japanese) == directory.DisasterMenus["ja"]);
        var defaultWhileOn = Host.Line.RichMenus.DefaultRichMenuId;
        await SwitchAsync(new { active = false, reason = "警報解除" });
        await WaitAsync(() => MenuOf(vietnamese) == directory.Menus["vi"] && MenuOf(japanese) == directory.Menus["ja"]);
        await MenusDoneAsync();

        Assert.Equal(directory.DisasterMenus["ja"], defaultWhileOn);
        Assert.Equal(directory.Menus["ja"], Host.Line.RichMenus.DefaultRichMenuId);
        Assert.Equal(2, Host.Line.Journal.For("/v2/bot/richmenu/batch").Count);
        Assert.Equal(2, await Host.ScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'disaster.menus_switched'"));
        LineChecks.AllValid(Host.Line);
    }

    [SkippableFact]
    public async Task Drill_MovesItsAudienceOnlyWithBulkLink_AndItsAnswersSayDrill()
    {
        var directory = await ReadyAsync();
        var inDrill = await FollowerAsync("Ud7111a000000000000000000000000a1", "en");
        var outside = await FollowerAsync("Ud7111b000000000000000000000000b1", "en");
        var chat = Host.Citizen(inDrill, "en");

        await SwitchAsync(new { active = true, drill = true, drillAudience = new[] { inDrill }, reason = "防災訓練" });
        await WaitAsync(() => MenuOf(inDrill) == directory.DisasterMenus["en"]);
        var help = await chat.TapAsync("v1|safety-help");
        await SwitchAsync(new { active = false, reason = "訓練終了" });
        await WaitAsync(() => MenuOf(inDrill) == directory.Menus["en"]);

        Assert.Equal(directory.Menus["en"], MenuOf(outside));
        Assert.Empty(Host.Line.Journal.For("/v2/bot/richmenu/batch"));
        Assert.Contains("[DRILL / 訓練] If a life is in danger, call 119", Sent.Text(help), StringComparison.Ordinal);
        Assert.Equal(1, await Host.ScalarAsync<long>("SELECT COUNT(*) FROM safety_reports WHERE needs_help"));
    }

    private async Task<RichMenuDirectory> ReadyAsync()
    {
        var directory = Host.Bot.Services.GetRequiredService<RichMenuDirectory>();
        await directory.Ready.WaitAsync(TimeSpan.FromSeconds(60));
        return directory;
    }

    private async Task<string> FollowerAsync(string userId, string language)
    {
        var chat = Host.Citizen(userId, language);
        await chat.FollowAsync();
        await chat.TapAsync($"v1|lang|{language}");
        return userId;
    }

    private async Task MenusDoneAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (System.Text.Json.Nodes.JsonNode.Parse(await Admin.GetStringAsync("/api/v1/disaster-mode"))!["current"]!["menusDoneAt"] is null)
        {
            await Task.Delay(100, timeout.Token);
        }
    }

    private string? MenuOf(string userId) => Host.Line.Users.Find(userId)!.RichMenuId;
}

public sealed class DisasterMenuTestsOnSqlite() : DisasterMenuTests("Sqlite");

public sealed class DisasterMenuTestsOnPostgres() : DisasterMenuTests("Postgres");
