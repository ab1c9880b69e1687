using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using OutreachBot.Tests.Broadcasts;

namespace OutreachBot.Tests.Analytics;

/// <summary>A broadcast sent to citizens of one topic, and what their chat pages report to the emulator over HTTP.</summary>
public sealed class AnalyticsHarness(BroadcastHarness h)
{
    public const string Link = "https://city.example.jp/clean";

    public BroadcastHarness H => h;

    /// <summary>Sends a text with <see cref="Link"/> to <paramref name="citizens"/> new subscribers of volunteer; returns its id once sent.</summary>
    public async Task<(long Id, IReadOnlyList<string> Citizens)> SendAsync(int citizens)
    {
        var ids = await h.SeedAsync("volunteer", citizens);
        var id = await h.CreateAsync(BroadcastHarness.Broadcast("volunteer", messages: new()
        {
            ["ja"] = [BroadcastHarness.Text($"清掃活動の参加者を募集しています。 {Link}")],
        }));
        await h.WaitForStatusAsync(id, "sent");
        return (id, ids);
    }

    /// <summary>The broadcast's text as it reached <paramref name="userId"/>'s chat, and its line number there.</summary>
    public (long Sequence, string Text) LineOf(string userId)
    {
        var line = h.Line.Transcript.For(userId)[^1];
        return (line.Sequence, line.Content.GetProperty("text").GetString()!);
    }

    /// <summary>As the chat page does when it shows the line (<c>seen</c>) or a link in it is tapped (<c>opened</c>).</summary>
    public async Task ReportAsync(string userId, string what, string? url = null)
    {
        using var chat = new HttpClient { BaseAddress = h.Line.BaseUrl };
        using var response = await chat.PostAsJsonAsync($"_emulator/chat/citizens/{userId}/{what}", new { sequence = LineOf(userId).Sequence, url });
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(answer.RootElement.GetProperty("counted").GetBoolean(), $"{what} of {userId} was not counted");
    }

    public Task<JsonNode> ViewAsync(long id) => h.GetAsync(id);
}
