using System.Net;
using System.Net.Http.Json;

namespace OutreachBot.Tests.Cluster;

/// <summary>The push ceiling is the channel's: two instances pushing at once split it as they split the multicast one.</summary>
public sealed class ClusterPushTests : ClusterTests
{
    private const string PushPath = "/v2/bot/message/push";

    [SkippableFact]
    public async Task ConsultationReplies_BothInstancesAnsweringAtOnce_TogetherKeepToTheCeiling()
    {
        const int ceiling = 10;
        Cluster = await TwoNodeCluster.StartAsync(new Dictionary<string, string>
        {
            ["Broadcasts__PushPerSecond"] = $"{ceiling}",
            // The first pushes wait for the cluster to give each instance its share (a few seconds after its first check-in).
            ["Line__AttemptTimeout"] = "00:00:30",
        });
        var questions = await AskAsync(40);

        var answers = await Task.WhenAll(questions.Select((q, i) => AnswerAsync(Cluster.Nodes[i % 2], q)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a));
        var arrivals = Cluster.Line.Journal.For(PushPath).Select(r => r.At).Order().ToList();
        Assert.Equal(40, arrivals.Count);
        // Split, the two keep to 10 pushes in every second between them; each at the whole ceiling, they would send 20.
        var detail = "arrivals (ms): " + string.Join(", ", arrivals.Select(a => (int)(a - arrivals[0]).TotalMilliseconds));
        Assert.True(Cluster.Line.Journal.BusiestSecond(PushPath) <= ceiling, detail);
        Assert.Equal([0L], await Cluster.QueryAsync<long>("SELECT COUNT(*) FROM consultations WHERE status = 'open'"));
    }

    private async Task<IReadOnlyList<long>> AskAsync(int count)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await Cluster.Database.ExecuteAsync(
            $"""
            INSERT INTO citizens (user_id, language, following, first_followed_at, updated_at)
            SELECT 'U' || lpad(to_hex(i), 32, '0'), 'ja', TRUE, {now}, {now} FROM generate_series(0, {count - 1}) AS i;
            INSERT INTO consultations (user_id, language, text, webhook_event_id, received_at)
            SELECT user_id, 'ja', '質問です', 'event-' || user_id, {now} FROM citizens;
            """);
        foreach (var userId in await Cluster.QueryAsync<string>("SELECT user_id FROM citizens"))
        {
            Cluster.Line.AddFollower(userId);
        }

        return await Cluster.QueryAsync<long>("SELECT id FROM consultations ORDER BY id");
    }

    private static async Task<HttpStatusCode> AnswerAsync(Infrastructure.BotProcess node, long question)
    {
        using var client = node.Client(TwoNodeCluster.ApiKey);
        using var answered = await client.PostAsJsonAsync($"/api/v1/consultations/{question}/answer", new { text = $"回答 {question}" });
        return answered.StatusCode;
    }
}
