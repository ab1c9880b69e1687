using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Disaster;

/// <summary>
/// <c>{"all": true}</c>: while disaster mode or a drill is on, an urgent broadcast reaches every follower whatever their
/// topics, through quiet hours, once one approver who did not write it approves (even where the office's broadcasts
/// need none); in a drill only the drill's audience, every message saying 訓練 in the reader's language.
/// </summary>
public abstract class DisasterEveryoneBroadcastTests(string provider) : DisasterSuite(provider, Settings)
{
    private const string ApproverKey = "everyone-approver-key";
    private const string Subscriber = "Ud15a5e70000000000000000000000e01";
    private const string NoTopics = "Ud15a5e70000000000000000000000e02";

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Api:Keys:1:Key"] = ApproverKey,
        ["Api:Keys:1:Account"] = "duty-approver",
        ["Api:Keys:1:Role"] = "approver",
        ["Disaster:SinglePersonSwitch"] = "true",
        ["Disaster:PollInterval"] = "00:00:00.200",
        ["Broadcasts:RequireApproval"] = "false",
        ["Broadcasts:QuietHoursStart"] = "00:00",
        ["Broadcasts:QuietHoursEnd"] = "23:59",
    };

    [SkippableFact]
    public async Task ToEveryone_OutsideDisasterModeNotUrgentOrBeyondLine_Is400NamingTheField()
    {
        using var outside = await Admin.PostAsJsonAsync("/api/v1/broadcasts", ToEveryone("避難してください"));
        await SwitchAsync(new { active = true, reason = "震度6強の地震" });
        using var notUrgent = await Admin.PostAsJsonAsync("/api/v1/broadcasts", ToEveryone("避難してください", urgent: false));
        using var byMail = await Admin.PostAsJsonAsync("/api/v1/broadcasts", ToEveryone("避難してください", channels: ["line", "mail"]));

        Assert.Contains("target.all", await ErrorsAsync(outside));
        Assert.Contains("urgent", await ErrorsAsync(notUrgent));
        Assert.Contains("channels", await ErrorsAsync(byMail));
        Assert.Equal(0, await Host.ScalarAsync<long>("SELECT COUNT(*) FROM broadcasts"));
    }

    [SkippableFact]
    public async Task ToEveryone_InDisasterMode_ReachesEveryFollowerInQuietHoursOnceAnApproverWhoDidNotWriteItApproves()
    {
        await FollowAsync(Subscriber, "ja", subscribe: true);
        await FollowAsync(NoTopics, "en", subscribe: false);
        await SwitchAsync(new { active = true, reason = "大津波警報" });

        var broadcast = await CreateAsync("高台へ避難してください");
        using var byAuthor = await ApproveAsync(Admin, broadcast);
        using var approver = Client(ApproverKey);
        using var byApprover = await ApproveAsync(approver, broadcast);
        await WaitAsync(() => Delivered(Subscriber, "高台へ避難してください") && Delivered(NoTopics, "高台へ避難してください"));

        Assert.Equal(HttpStatusCode.Forbidden, byAuthor.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byApprover.StatusCode);
    }

    [SkippableFact]
    public async Task ToEveryone_InADrill_ReachesTheAudienceOnlyAndSaysDrillInTheirLanguage()
    {
        await FollowAsync(Subscriber, "ja", subscribe: true);
        await FollowAsync(NoTopics, "en", subscribe: false);
        await SwitchAsync(new { active = true, drill = true, drillAudience = new[] { NoTopics }, reason = "総合防災訓練" });

        var broadcast = await CreateAsync("避難所へ移動してください");
        using var approver = Client(ApproverKey);
        using var approved = await ApproveAsync(approver, broadcast);
        await WaitAsync(() => Delivered(NoTopics, "[DRILL / 訓練] 避難所へ移動してください"));
        await Task.Delay(1000);

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.False(Delivered(Subscriber, "避難所へ移動してください"));
    }

    private async Task FollowAsync(string userId, string language, bool subscribe)
    {
        var chat = Host.Citizen(userId, language);
        await chat.FollowAsync();
        await chat.TapAsync($"v1|lang|{language}");
        if (subscribe)
        {
            await chat.TapAsync($"v1|sub|{await Host.ScalarAsync<long>("SELECT id FROM topics WHERE slug = 'volunteer'")}");
        }
    }

    private async Task<(long Id, int Version)> CreateAsync(string text)
    {
        using var created = await Admin.PostAsJsonAsync("/api/v1/broadcasts", ToEveryone(text));
        var body = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        Assert.True(created.IsSuccessStatusCode, body.ToJsonString());
        Assert.Equal("awaiting_approval", body["status"]!.GetValue<string>());
        return (body["id"]!.GetValue<long>(), body["version"]!.GetValue<int>());
    }

    private static Task<HttpResponseMessage> ApproveAsync(HttpClient client, (long Id, int Version) broadcast) =>
        client.PostAsJsonAsync($"/api/v1/broadcasts/{broadcast.Id}/approve", new { version = broadcast.Version });

    private bool Delivered(string userId, string text) => Sent.Text(Host.Line.Transcript.For(userId)).Contains(text, StringComparison.Ordinal);

    internal static object ToEveryone(string text, bool urgent = true, string[]? channels = null) => new
    {
        title = text,
        messages = new Dictionary<string, object[]> { ["ja"] = [new { type = "text", text }] },
        target = new { all = true },
        urgent,
        channels = channels ?? ["line"],
        draft = false,
    };
}

public sealed class DisasterEveryoneBroadcastTestsOnSqlite() : DisasterEveryoneBroadcastTests("Sqlite");

public sealed class DisasterEveryoneBroadcastTestsOnPostgres() : DisasterEveryoneBroadcastTests("Postgres");
