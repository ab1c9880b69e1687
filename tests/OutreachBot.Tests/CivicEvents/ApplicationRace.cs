using OutreachBot.LineEmulator.Hosting;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.CivicEvents;

/// <summary>Many citizens tapping the same event's buttons at once, as webhooks to one or more bot instances.</summary>
internal static class ApplicationRace
{
    public static string Postback(LineEmulatorServer line, string userId, string data, long timestamp) => WebhookBodies.Body(new Dictionary<string, object?>
    {
        ["type"] = "postback",
        ["mode"] = "active",
        ["timestamp"] = timestamp,
        ["source"] = new { type = "user", userId },
        ["webhookEventId"] = WebhookBodies.NewEventId(),
        ["deliveryContext"] = new { isRedelivery = false },
        ["replyToken"] = line.ReplyTokens.Issue(userId),
        ["postback"] = new { data },
    });

    /// <summary>Every citizen taps <paramref name="data"/> within the same second, spread over <paramref name="posts"/> in turn.</summary>
    public static async Task TapAllAsync(
        LineEmulatorServer line, IReadOnlyList<string> userIds, string data, IReadOnlyList<Func<string, Task<HttpResponseMessage>>> posts)
    {
        var start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var bodies = userIds.Select((u, i) => Postback(line, u, data, start + (i * 5))).ToList();
        var responses = await Task.WhenAll(bodies.Select((b, i) => posts[i % posts.Count](b)));
        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode, $"webhook answered {(int)r.StatusCode}"));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    /// <summary>Waits until no webhook event waits to be handled.</summary>
    public static async Task DrainAsync(Func<Task<long>> pending, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (await pending() > 0)
        {
            Assert.True(clock.Elapsed < timeout, $"webhook events still pending after {timeout}");
            await Task.Delay(100);
        }
    }
}
