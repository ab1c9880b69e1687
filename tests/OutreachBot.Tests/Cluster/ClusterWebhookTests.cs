using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Cluster;

/// <summary>Webhooks land on whichever instance the load balancer picks; each citizen's events are still handled one at a time, in order.</summary>
public sealed class ClusterWebhookTests : ClusterTests
{
    [SkippableFact]
    public async Task Webhooks_AlternatingBetweenInstances_OneCitizensEventsHandledInTheOrderTheyHappened()
    {
        Cluster = await TwoNodeCluster.StartAsync();
        const string userId = "U0c1a55e5000000000000000000000001";
        Cluster.Line.AddFollower(userId);
        var start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var texts = Enumerable.Range(1, 40).Select(i => $"question number {i:00}").ToList();
        for (var i = 0; i < texts.Count; i++)
        {
            var node = Cluster.Nodes[i % 2];
            var body = WebhookBodies.Body(new Dictionary<string, object?>
            {
                ["type"] = "message",
                ["mode"] = "active",
                ["timestamp"] = start + i,
                ["source"] = new { type = "user", userId },
                ["webhookEventId"] = WebhookBodies.NewEventId(),
                ["deliveryContext"] = new { isRedelivery = false },
                ["replyToken"] = Cluster.Line.ReplyTokens.Issue(userId),
                ["message"] = new { id = $"{100_000_000_000 + i}", type = "text", quoteToken = $"q{i}", text = texts[i] },
            });
            using var response = await node.PostWebhookAsync(body, TwoNodeCluster.ChannelSecret);
            Assert.True(response.IsSuccessStatusCode, $"{node.Name} answered {(int)response.StatusCode}");
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        while ((await Cluster.QueryAsync<long>("SELECT COUNT(*) FROM inbox_events WHERE state = 'pending'"))[0] > 0 && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(100);
        }

        Assert.Equal(["done"], await Cluster.QueryAsync<string>("SELECT DISTINCT state FROM inbox_events"));
        // A question is stored while its event is handled, so the order of their numbers is the order of handling.
        Assert.Equal(texts, await Cluster.QueryAsync<string>($"SELECT text FROM consultations WHERE user_id = '{userId}' ORDER BY id"));
    }
}
