using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Disaster;
using OutreachBot.Staff;
using OutreachBot.Tests.MailSubscribers;
using OutreachBot.Tests.StaffConsole;

namespace OutreachBot.Tests.Disaster;

/// <summary>
/// 助けが必要 alerts the staff on duty (当番 on their Account page) by e-mail through the SMTP relay (smtp4dev): one mail
/// each, saying how many wait and linking the 安否 list, never who; staff not on duty get none. Once staff mark the
/// request handled, the banner counts it no more, until the citizen asks again.
/// </summary>
public abstract class HelpAlertTests(string provider, MailServerFixture mail) : DisasterSuite(provider, Settings(mail))
{
    private const string Citizen = "Ud15a5e70000000000000000000000c01";

    [SkippableFact]
    public async Task HelpNeeded_OnDutyStaffMailedOnceWithoutWhoAsked_OthersNot_TappingAgainMailsNoMore()
    {
        await mail.Server.ClearAsync();
        using var onDuty = await StaffAsync("touban", "touban@city.example.jp", onDuty: true);
        using var offDuty = await StaffAsync("hiban", "hiban@city.example.jp", onDuty: false);
        await SwitchAsync(new { active = true, reason = "震度6強の地震" });
        var chat = Host.Citizen(Citizen, name: "山田 花子");
        await chat.FollowAsync();

        await chat.TapAsync("v1|safety-help");
        await mail.Server.WaitForMessagesAsync(1);
        await chat.TapAsync("v1|safety-help");
        await chat.TapAsync("v1|safety-help");
        await Task.Delay(1000);

        var alert = Assert.Single(await mail.Server.MessagesAsync());
        Assert.Equal(["touban@city.example.jp"], alert.To.Mailboxes.Select(m => m.Address));
        Assert.Contains("助けが必要", alert.Subject, StringComparison.Ordinal);
        Assert.Contains("未対応: 1 人", alert.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://city.example.jp/console/disaster/safety", alert.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(Citizen, alert.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("山田", alert.TextBody, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task HelpRequest_MarkedHandled_BannerCountsItNoMoreUntilTheCitizenAsksAgain()
    {
        await SwitchAsync(new { active = true, reason = "大雨特別警報" });
        var chat = Host.Citizen(Citizen);
        await chat.FollowAsync();
        await chat.TapAsync("v1|safety-help");
        var state = Host.Bot.Services.GetRequiredService<DisasterModeState>();
        await WaitAsync(() => state.HelpNeeded == 1);

        using var handled = await Admin.PostAsync($"/api/v1/disaster-mode/safety/{Citizen}/handled", null);
        using var again = await Admin.PostAsync($"/api/v1/disaster-mode/safety/{Citizen}/handled", null);
        await WaitAsync(() => state.HelpNeeded == 0);
        var queue = JsonNode.Parse(await Admin.GetStringAsync("/api/v1/disaster-mode/safety"))!;
        await chat.TapAsync("v1|safety-help");

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NotFound), (handled.StatusCode, again.StatusCode));
        Assert.Equal((1, 0), (queue["helpNeeded"]!.GetValue<long>(), queue["unhandled"]!.GetValue<long>()));
        Assert.NotNull(queue["citizens"]![0]!["handledAt"]);
        await WaitAsync(() => state.HelpNeeded == 1);
        Assert.Equal(1, await Host.ScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'safety.handled'"));
    }

    private static Dictionary<string, string?> Settings(MailServerFixture mail) => new(mail.Server.Settings)
    {
        ["Site:PublicBaseUrl"] = "https://city.example.jp/",
        ["Disaster:SinglePersonSwitch"] = "true",
        ["Disaster:PollInterval"] = "00:00:00.200",
    };

    /// <summary>A staff member who set their address and 当番 on their Account page.</summary>
    private async Task<ConsoleSession> StaffAsync(string username, string email, bool onDuty)
    {
        var session = await ConsoleSession.SignedInAsync(Host.Bot, StaffRole.Editor, username);
        (await session.PostFormAsync("/console/account?handler=Email", new() { ["Email"] = email }, "/console/account")).Dispose();
        (await session.PostFormAsync("/console/account?handler=OnDuty", new() { ["OnDuty"] = onDuty ? "true" : "false" }, "/console/account")).Dispose();
        return session;
    }
}

public sealed class HelpAlertTestsOnSqlite(MailServerFixture mail) : HelpAlertTests("Sqlite", mail), IClassFixture<MailServerFixture>;

public sealed class HelpAlertTestsOnPostgres(MailServerFixture mail) : HelpAlertTests("Postgres", mail), IClassFixture<MailServerFixture>;
