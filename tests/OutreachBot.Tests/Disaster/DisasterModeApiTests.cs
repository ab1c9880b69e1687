using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Disaster;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Disaster;

/// <summary>Switching disaster mode through <c>/api/v1/disaster-mode</c>: a reason, a second approver, the audit log, every instance.</summary>
public abstract class DisasterModeApiTests(string provider) : DisasterSuite(provider, Keys)
{
    private const string ApproverKey = "disaster-approver-key";
    private const string EditorKey = "disaster-editor-key";

    private static readonly Dictionary<string, string?> Keys = new()
    {
        ["Api:Keys:1:Key"] = ApproverKey,
        ["Api:Keys:1:Account"] = "second-approver",
        ["Api:Keys:1:Role"] = "approver",
        ["Api:Keys:2:Key"] = EditorKey,
        ["Api:Keys:2:Account"] = "an-editor",
        ["Api:Keys:2:Role"] = "editor",
        ["Disaster:PollInterval"] = "00:00:00.200",
    };

    [SkippableFact]
    public async Task Switch_AskedByOneAdmin_WaitsUntilASecondApproverSendsTheSameActive()
    {
        using var second = Client(ApproverKey);

        using var asked = await PutAsync(Admin, new { active = true, reason = "震度6強の地震" });
        var waiting = await GetAsync(Admin);
        using var again = await PutAsync(Admin, new { active = true, reason = "もう一度" });
        using var confirmed = await PutAsync(second, new { active = true, reason = "確認しました" });
        var on = await GetAsync(second);

        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        Assert.Equal((false, "admin", "震度6強の地震"), (waiting["active"]!.GetValue<bool>(), waiting["pending"]!["requestedBy"]!.GetValue<string>(), waiting["pending"]!["reason"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.True(on["active"]!.GetValue<bool>());
        Assert.Equal(("admin", "second-approver", "確認しました"), (on["current"]!["requestedBy"]!.GetValue<string>(), on["current"]!["confirmedBy"]!.GetValue<string>(), on["current"]!["confirmReason"]!.GetValue<string>()));
        Assert.Null(on["pending"]);
        Assert.Equal(
            "disaster.requested admin (api:Api:Keys:0) on: 震度6強の地震|disaster.confirmed second-approver (api:Api:Keys:1) on: 確認しました",
            await Host.ScalarAsync<string>("SELECT " + Concat("action || ' ' || actor || ' ' || detail") + " FROM audit_log WHERE action LIKE 'disaster.%'"));
        Assert.True(Host.Bot.Services.GetRequiredService<DisasterModeState>().Active);
    }

    [SkippableFact]
    public async Task Switch_OnWhileOnOrOffWhileOff_Answers409AndChangesNothing()
    {
        using var off = await PutAsync(Admin, new { active = false, reason = "訓練終了" });

        Assert.Equal(HttpStatusCode.Conflict, off.StatusCode);
        Assert.Equal(0, await Host.ScalarAsync<long>("SELECT COUNT(*) FROM disaster_switches"));
    }

    [SkippableFact]
    public async Task Switch_WithoutReasonOrADrillWithoutAudienceOrAWrongId_Answers400NamingTheField()
    {
        using var noReason = await PutAsync(Admin, new { active = true, reason = " " });
        using var noAudience = await PutAsync(Admin, new { active = true, drill = true, reason = "訓練" });
        using var wrongId = await PutAsync(Admin, new { active = true, drill = true, drillAudience = new[] { "someone" }, reason = "訓練" });

        Assert.Contains("reason", await ErrorsAsync(noReason));
        Assert.Contains("drillAudience", await ErrorsAsync(noAudience));
        Assert.Contains("drillAudience", await ErrorsAsync(wrongId));
    }

    [SkippableFact]
    public async Task Switch_ByAnEditor_Answers403()
    {
        using var editor = Client(EditorKey);

        using var response = await PutAsync(editor, new { active = true, reason = "地震" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [SkippableFact]
    public async Task Switch_ConfirmedElsewhere_ReachesThisInstanceWithinThePollInterval()
    {
        var state = Host.Bot.Services.GetRequiredService<DisasterModeState>();

        await Host.Database.ExecuteAsync(
            """
            INSERT INTO disaster_switches (active, drill, drill_audience, reason, requested_by, requested_at, confirmed_by, confirmed_at)
            VALUES (TRUE, TRUE, 'U00000000000000000000000000000001', '訓練', 'a', 1, 'b', 1)
            """);
        await WaitAsync(() => state.Active);

        Assert.True(state.View.Drill);
        Assert.True(state.Reaches("U00000000000000000000000000000001"));
        Assert.False(state.Reaches("U00000000000000000000000000000002"));
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, object body) => client.PutAsJsonAsync("/api/v1/disaster-mode", body);

    private static async Task<JsonNode> GetAsync(HttpClient client) => JsonNode.Parse(await client.GetStringAsync("/api/v1/disaster-mode"))!;
}

public sealed class DisasterModeApiTestsOnSqlite() : DisasterModeApiTests("Sqlite");

public sealed class DisasterModeApiTestsOnPostgres() : DisasterModeApiTests("Postgres");
