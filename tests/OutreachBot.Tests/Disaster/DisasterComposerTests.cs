using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Disaster;
using OutreachBot.Staff;
using OutreachBot.Tests.Infrastructure;
using OutreachBot.Tests.StaffConsole;

namespace OutreachBot.Tests.Disaster;

/// <summary>
/// The composer in disaster mode: it offers every follower as the target, counts them with the month's quota they would
/// use before anything is sent, and refuses a broadcast to everyone that is not urgent, beside the field.
/// </summary>
public abstract class DisasterComposerTests(string provider) : DisasterSuite(provider, Settings)
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Disaster:SinglePersonSwitch"] = "true",
        ["Disaster:PollInterval"] = "00:00:00.200",
    };

    [SkippableFact]
    public async Task Composer_InDisasterMode_OffersEveryFollowerWithTheQuotaTheyUseAndRefusesItNotUrgent()
    {
        await Host.Citizen("Ud15a5e70000000000000000000000c01").FollowAsync();
        await Host.Citizen("Ud15a5e70000000000000000000000c02").FollowAsync();
        using var editor = await ConsoleSession.SignedInAsync(Host.Bot, StaffRole.Editor);
        var before = await editor.GetPageAsync("/console/broadcasts/compose");
        await SwitchAsync(new { active = true, reason = "震度6強の地震" });
        await WaitAsync(() => Host.Bot.Services.GetRequiredService<DisasterModeState>().Active);

        var during = await editor.GetPageAsync("/console/broadcasts/compose");
        var estimate = JsonNode.Parse(await editor.GetPageAsync("/console/broadcasts/compose?handler=Estimate&all=true"))!["text"]!.GetValue<string>();
        using var notUrgent = await editor.PostFormAsync("/console/broadcasts/compose", new Dictionary<string, string>
        {
            ["Input.Title"] = "避難指示",
            ["Input.Variants[0].Language"] = "ja",
            ["Input.Variants[0].Slots[0].Type"] = "text",
            ["Input.Variants[0].Slots[0].Text"] = "高台へ避難してください。",
            ["Input.All"] = "true",
            ["Input.Schedule"] = "now",
            ["action"] = "submit",
        });
        var refused = await notUrgent.Content.ReadAsStringAsync();

        Assert.DoesNotContain("data-everyone", before, StringComparison.Ordinal);
        Assert.Contains("data-everyone", during, StringComparison.Ordinal);
        Assert.Matches("^配信対象 2 人 · (今月の残り|通数の上限なし)", estimate);
        Assert.NotEqual(HttpStatusCode.Redirect, notUrgent.StatusCode);
        Assert.Contains("全員への配信は緊急（urgent）にしてください。", refused, StringComparison.Ordinal);
        Assert.Equal(0, await Host.ScalarAsync<long>("SELECT COUNT(*) FROM broadcasts"));
    }
}

public sealed class DisasterComposerTestsOnSqlite() : DisasterComposerTests("Sqlite");

public sealed class DisasterComposerTestsOnPostgres() : DisasterComposerTests("Postgres");
