using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Disaster;
using OutreachBot.Privacy;
using OutreachBot.Staff;
using OutreachBot.Tests.Infrastructure;
using OutreachBot.Tests.StaffConsole;

namespace OutreachBot.Tests.Disaster;

/// <summary>
/// 安否 for staff: each citizen's latest answer once, 助けが必要 first, in the API and the console, the red banner
/// counting those who need help; a citizen's erasure takes their user id off their answers and keeps the counts.
/// </summary>
public abstract class SafetyReportsTests(string provider) : DisasterSuite(provider, Settings)
{
    private const string NowSafe = "Ud15a5e70000000000000000000000a01";
    private const string NowNeedsHelp = "Ud15a5e70000000000000000000000a02";

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Disaster:SinglePersonSwitch"] = "true",
        ["Disaster:PollInterval"] = "00:00:00.200",
    };

    [SkippableFact]
    public async Task Safety_LatestAnswerPerCitizen_HelpFirst_InTheApiTheConsoleAndTheBanner()
    {
        await SwitchAsync(new { active = true, reason = "震度6強の地震" });
        await AnswerAsync(NowSafe, "v1|safety-help", "v1|safety-ok");
        await AnswerAsync(NowNeedsHelp, "v1|safety-ok", "v1|safety-help");
        var state = Host.Bot.Services.GetRequiredService<DisasterModeState>();
        await WaitAsync(() => state.HelpNeeded == 1);

        var queue = JsonNode.Parse(await Admin.GetStringAsync("/api/v1/disaster-mode/safety"))!;
        using var viewer = await ConsoleSession.SignedInAsync(Host.Bot, StaffRole.Viewer);
        var page = await viewer.GetPageAsync("/console/disaster/safety");
        var banner = await viewer.GetPageAsync("/console");

        Assert.Equal((1, 1), (queue["helpNeeded"]!.GetValue<long>(), queue["safe"]!.GetValue<long>()));
        Assert.Equal(
            [(NowNeedsHelp, true, 2L), (NowSafe, false, 2L)],
            queue["citizens"]!.AsArray().Select(c => (c!["userId"]!.GetValue<string>(), c["needsHelp"]!.GetValue<bool>(), c["reports"]!.GetValue<long>())));
        Assert.True(page.IndexOf(NowNeedsHelp, StringComparison.Ordinal) < page.IndexOf(NowSafe, StringComparison.Ordinal));
        Assert.Contains("助けが必要な人 1 人", banner, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Safety_CitizenErased_AnswersKeepTheirCountsWithoutTheUserId()
    {
        await SwitchAsync(new { active = true, reason = "大雨特別警報" });
        await AnswerAsync(NowNeedsHelp, "v1|safety-help");

        await Host.Bot.Services.GetRequiredService<PersonalDataEraser>().EraseAsync(NowNeedsHelp, DateTimeOffset.UtcNow, CancellationToken.None);
        var queue = JsonNode.Parse(await Admin.GetStringAsync("/api/v1/disaster-mode/safety"))!;

        Assert.Equal(0, await Host.ScalarAsync<long>($"SELECT COUNT(*) FROM safety_reports WHERE user_id = '{NowNeedsHelp}'"));
        Assert.Equal(1, queue["helpNeeded"]!.GetValue<long>());
        Assert.DoesNotContain(NowNeedsHelp, queue.ToJsonString(), StringComparison.Ordinal);
    }

    private async Task AnswerAsync(string userId, params string[] taps)
    {
        var chat = Host.Citizen(userId);
        await chat.FollowAsync();
        foreach (var tap in taps)
        {
            await chat.TapAsync(tap);
        }
    }
}

public sealed class SafetyReportsTestsOnSqlite() : SafetyReportsTests("Sqlite");

public sealed class SafetyReportsTestsOnPostgres() : SafetyReportsTests("Postgres");
