using System.Net.Http.Json;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Disaster;

/// <summary>While disaster mode is on, broadcasts that are not urgent wait and go once it ends; urgent ones go at once.</summary>
public abstract class DisasterBroadcastHoldTests(string provider) : IAsyncLifetime
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

    private ConversationHost _host = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _host = await ConversationHost.StartAsync(provider, Settings);
        _admin = _host.Bot.CreateApiClient();
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _host.DisposeAsync();
    }

    [SkippableFact]
    public async Task Broadcast_NotUrgentWhileDisasterModeIsOn_WaitsAndGoesWhenItEnds()
    {
        var chat = _host.Citizen(Follower);
        await chat.FollowAsync();
        await chat.TapAsync($"v1|sub|{await _host.ScalarAsync<long>("SELECT id FROM topics WHERE slug = 'volunteer'")}");
        await SendAsync(HttpMethod.Put, "/api/v1/disaster-mode", new { active = true, reason = "大雨特別警報" });

        await SendAsync(HttpMethod.Post, "/api/v1/broadcasts", Broadcast("いつものお知らせ", urgent: false));
        await SendAsync(HttpMethod.Post, "/api/v1/broadcasts", Broadcast("避難してください", urgent: true));
        await WaitAsync(() => Delivered("避難してください"));
        await Task.Delay(1000);
        var heldWhileOn = !Delivered("いつものお知らせ");
        await SendAsync(HttpMethod.Put, "/api/v1/disaster-mode", new { active = false, reason = "警報解除" });
        await WaitAsync(() => Delivered("いつものお知らせ"));

        Assert.True(heldWhileOn);
    }

    private bool Delivered(string text) => Sent.Text(_host.Line.Transcript.For(Follower)).Contains(text, StringComparison.Ordinal);

    private async Task SendAsync(HttpMethod method, string path, object body)
    {
        using var response = await _admin.SendAsync(new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static object Broadcast(string text, bool urgent) => new
    {
        title = text,
        messages = new Dictionary<string, object[]> { ["ja"] = [new { type = "text", text }] },
        target = new { topics = new[] { "volunteer" }, match = "any" },
        urgent,
        draft = false,
    };

    private static async Task WaitAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(50, timeout.Token);
        }
    }
}

public sealed class DisasterBroadcastHoldTestsOnSqlite() : DisasterBroadcastHoldTests("Sqlite");

public sealed class DisasterBroadcastHoldTestsOnPostgres() : DisasterBroadcastHoldTests("Postgres");
