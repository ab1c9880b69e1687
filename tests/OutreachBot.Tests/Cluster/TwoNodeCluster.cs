using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using OutreachBot.LineEmulator.Hosting;
using OutreachBot.Tests.Broadcasts;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Cluster;

/// <summary>
/// Two instances of the bot as real processes on one throwaway PostgreSQL database, talking to one LINE emulator over
/// real HTTP, with the cluster's check-ins and the fan-out's leases shortened so that failover happens in seconds.
/// </summary>
public sealed class TwoNodeCluster : IAsyncDisposable
{
    public const string ApiKey = TestBot.ApiKey;
    public const string ChannelSecret = TestBot.ChannelSecret;
    public static readonly TimeSpan CheckinInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan CheckinMisfireThreshold = TimeSpan.FromSeconds(1);

    private readonly IReadOnlyDictionary<string, string>? _settings;

    private TwoNodeCluster(TestWorld world, IReadOnlyDictionary<string, string>? settings)
    {
        World = world;
        _settings = settings;
    }

    public TestWorld World { get; }

    public TestDatabase Database => World.Database;

    public LineEmulatorServer Line => World.Line;

    public List<BotProcess> Nodes { get; } = [];

    /// <summary>Starts <c>node-a</c> and <c>node-b</c> at the same moment (their migrations race) and waits until both serve.</summary>
    public static async Task<TwoNodeCluster> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var cluster = new TwoNodeCluster(await TestWorld.StartAsync("Postgres", new EmulatorOptions { MonthlyQuota = null }), settings);
        cluster.Nodes.Add(cluster.Start("node-a"));
        cluster.Nodes.Add(cluster.Start("node-b"));
        await Task.WhenAll(cluster.Nodes.Select(n => n.WaitReadyAsync(TimeSpan.FromSeconds(60))));
        return cluster;
    }

    public BotProcess Node(string name) => Nodes.Single(n => n.Name == name);

    /// <summary><paramref name="count"/> following citizens subscribed to <c>volunteer</c>, known to the emulator; their ids.</summary>
    public async Task<IReadOnlyList<string>> SeedSubscribersAsync(int count)
    {
        var now = DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeMilliseconds();
        await Database.ExecuteAsync(
            $"""
            INSERT INTO citizens (user_id, language, following, first_followed_at, updated_at)
            SELECT 'U' || lpad(to_hex(i), 32, '0'), 'ja', TRUE, {now}, {now} FROM generate_series(0, {count - 1}) AS i;
            INSERT INTO subscriptions (user_id, topic_id, started_at)
            SELECT user_id, (SELECT id FROM topics WHERE slug = 'volunteer'), {now} FROM citizens;
            """);
        var ids = Enumerable.Range(0, count).Select(i => $"U{i:x32}").ToList();
        foreach (var id in ids)
        {
            Line.AddFollower(id);
        }

        return ids;
    }

    public static async Task<long> CreateBroadcastAsync(BotProcess node)
    {
        using var client = node.Client(ApiKey);
        using var created = await client.PostAsJsonAsync("/api/v1/broadcasts", BroadcastHarness.Broadcast("volunteer"));
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return JsonNode.Parse(await created.Content.ReadAsStringAsync())!.Number("id");
    }

    /// <summary>Waits until the broadcast is sent, asking <paramref name="node"/>.</summary>
    public static async Task WaitSentAsync(BotProcess node, long broadcastId, TimeSpan timeout)
    {
        using var client = node.Client(ApiKey);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var status = "";
        while (status != "sent" && clock.Elapsed < timeout)
        {
            await Task.Delay(200);
            status = JsonNode.Parse(await client.GetStringAsync($"/api/v1/broadcasts/{broadcastId}"))!.Text("status");
        }

        Assert.True(status == "sent", $"broadcast {broadcastId} is {status} after {timeout}; {node.Name}: {node.Errors()}");
    }

    /// <summary>Rows of one column from the cluster's database.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        return [.. await connection.QueryAsync<T>(sql)];
    }

    /// <summary>Multicast requests LINE accepted (200, or 409 for a retry key it had already accepted).</summary>
    public int AcceptedMulticasts() => Line.Journal.For("/v2/bot/message/multicast").Count(r => r.Status is 200 or 409);

    /// <summary>How often each recipient got a multicast.</summary>
    public Dictionary<string, int> DeliveriesPerRecipient() => ExactlyOnce.MulticastCounts(Line);

    /// <summary>When each multicast request reached LINE, in order.</summary>
    public IReadOnlyList<DateTimeOffset> MulticastTimes() => [.. Line.Journal.For("/v2/bot/message/multicast").Select(r => r.At).Order()];

    public ValueTask DisposeAsync() => World.DisposeAsync();

    private BotProcess Start(string name)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Cluster:InstanceId"] = name,
            ["Cluster:CheckinInterval"] = CheckinInterval.ToString(),
            ["Cluster:CheckinMisfireThreshold"] = CheckinMisfireThreshold.ToString(),
            ["Broadcasts:BatchLease"] = "00:00:03",
            ["Broadcasts:AttemptTimeout"] = "00:00:01",
            ["Broadcasts:PollInterval"] = "00:00:00.100",
            ["Broadcasts:QuietHoursStart"] = "00:00",
            ["Broadcasts:QuietHoursEnd"] = "00:00",
        };
        return World.StartProcess(name, _settings?.ToDictionary(s => s.Key, s => (string?)s.Value), settings);
    }
}
