using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Disaster;

/// <summary>While disaster mode is on, broadcasts that are not urgent wait and go once it ends; urgent ones go at once.</summary>
public abstract class DisasterBroadcastHoldTests(string provider) : DisasterSuite(provider, Settings)
{
    private const string Follower = "Ud15a5e70000000000000000000000ca1";

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Disaster:SinglePersonSwitch"] = "true",
        ["Disaster:PollInterval"] = "00:00:00.200",
        ["Broadcasts:RequireApproval"] = "false",
        ["Broadcasts:QuietHoursStart"] = "00:00",
        ["Broadcasts:QuietHoursEnd"] = "00:00",
    };

    [SkippableFact]
    public async Task Broadcast_NotUrgentWhileDisasterModeIsOn_WaitsAndGoesWhenItEnds()
    {
        var chat = Host.Citizen(Follower);
        await chat.FollowAsync();
        await chat.TapAsync($"v1|sub|{await Host.ScalarAsync<long>("SELECT id FROM topics WHERE slug = 'volunteer'")}");
        await SwitchAsync(new { active = true, reason = "大雨特別警報" });

        await SendAsync(HttpMethod.Post, "/api/v1/broadcasts", Broadcast("いつものお知らせ", urgent: false));
        await SendAsync(HttpMethod.Post, "/api/v1/broadcasts", Broadcast("避難してください", urgent: true));
        await WaitAsync(() => Delivered("避難してください"));
        await Task.Delay(1000);
        var heldWhileOn = !Delivered("いつものお知らせ");
        await SwitchAsync(new { active = false, reason = "警報解除" });
        await WaitAsync(() => Delivered("いつものお知らせ"));

        Assert.True(heldWhileOn);
    }

    private bool Delivered(string text) => Sent.Text(Host.Line.Transcript.For(Follower)).Contains(text, StringComparison.Ordinal);

    private static object Broadcast(string text, bool urgent) => new
    {
        title = text,
        messages = new Dictionary<string, object[]> { ["ja"] = [new { type = "text", text }] },
        target = new { topics = new[] { "volunteer" }, match = "any" },
        urgent,
        draft = false,
    };
}

public sealed class DisasterBroadcastHoldTestsOnSqlite() : DisasterBroadcastHoldTests("Sqlite");

public sealed class DisasterBroadcastHoldTestsOnPostgres() : DisasterBroadcastHoldTests("Postgres");
