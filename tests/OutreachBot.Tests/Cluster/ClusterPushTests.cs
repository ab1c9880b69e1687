using System.Net;
using System.Net.Http.Json;

namespace OutreachBot.Tests.Cluster;

/// <summary>The push ceiling is the channel's: two instances pushing at once split it as they split the multicast one.</summary>
public sealed class ClusterPushTests : IAsyncLifetime
{
    private const string PushPath = "/v2/bot/message/push";
    private TwoNodeCluster _cluster = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task ConsultationReplies_BothInstancesAnsweringAtOnce_TogetherKeepToTheCeiling()
    {
        const int ceiling = 10;
        _cluster = await TwoNodeCluster.StartAsync(new Dictionary<string, string>
        {
            ["Broadcasts__PushPerSecond"] = $"{ceiling}",
            ["Broadcasts__RateWindowMargin"] = "00:00:00.400",
            // The first pushes wait for the cluster to give each instance its share (a few seconds after its first check-in).
            ["Line__AttemptTimeout"] = "00:00:30",
        });
        var questions = await AskAsync(42);
        // One answer through each instance first: a cold start (connections, JIT) would bunch the next pushes behind the first.
        Assert.Equal(HttpStatusCode.OK, await AnswerAsync(_cluster.Node("node-a"), questions[0]));
        Assert.Equal(HttpStatusCode.OK, await AnswerAsync(_cluster.Node("node-b"), questions[1]));
        _cluster.Line.Journal.Clear();
        questions = [.. questions.Skip(2)];

        var answers = await Task.WhenAll(questions.Select((q, i) => AnswerAsync(_cluster.Nodes[i % 2], q)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a));
        var arrivals = _cluster.Line.Journal.For(PushPath).Select(r => r.At).Order().ToList();
        Assert.Equal(40, arrivals.Count);
        // Split, the two keep to 10 pushes in every 1.4 s window between them (7.1 a second); each at the whole ceiling, they
        // would send 14.3 a second. The bounds allow for this busy machine's scheduling jitter, which can hold back a few
        // permitted pushes and let them arrive together (as the fan-out's cluster test allows).
        var detail = "arrivals (ms): " + string.Join(", ", arrivals.Select(a => (int)(a - arrivals[0]).TotalMilliseconds));
        Assert.True((arrivals.Count - 1) / (arrivals[^1] - arrivals[0]).TotalSeconds <= ceiling, detail);
        Assert.True(_cluster.Line.Journal.BusiestSecond(PushPath) <= 1.5 * ceiling, detail);
        Assert.Equal([0L], await _cluster.QueryAsync<long>("SELECT COUNT(*) FROM consultations WHERE status = 'open'"));
    }

    private async Task<IReadOnlyList<long>> AskAsync(int count)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await _cluster.Database.ExecuteAsync(
            $"""
            INSERT INTO citizens (user_id, language, following, first_followed_at, updated_at)
            SELECT 'U' || lpad(to_hex(i), 32, '0'), 'ja', TRUE, {now}, {now} FROM generate_series(0, {count - 1}) AS i;
            INSERT INTO consultations (user_id, language, text, webhook_event_id, received_at)
            SELECT user_id, 'ja', '質問です', 'event-' || user_id, {now} FROM citizens;
            """);
        foreach (var userId in await _cluster.QueryAsync<string>("SELECT user_id FROM citizens"))
        {
            _cluster.Line.AddFollower(userId);
        }

        return await _cluster.QueryAsync<long>("SELECT id FROM consultations ORDER BY id");
    }

    private static async Task<HttpStatusCode> AnswerAsync(Infrastructure.BotProcess node, long question)
    {
        using var client = node.Client(TwoNodeCluster.ApiKey);
        using var answered = await client.PostAsJsonAsync($"/api/v1/consultations/{question}/answer", new { text = $"回答 {question}" });
        return answered.StatusCode;
    }
}
