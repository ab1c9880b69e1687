using System.Diagnostics;
using OutreachBot.LineEmulator.Api;
using OutreachBot.Tests.Broadcasts;

namespace OutreachBot.Tests.Cluster;

/// <summary>
/// Issue 6's proof: two real instances share one broadcast to 100,000 subscribers, one of them dies by SIGKILL, and
/// every recipient still gets it exactly once (the emulator honours retry keys as LINE does and records every delivery).
/// </summary>
public sealed class ClusterFanoutTests : ClusterTests
{
    private const int Subscribers = 100_000;

    [SkippableFact]
    public async Task Fanout_InstanceKilledWhileSending_OtherTakesOverItsBatchesAndEveryoneGetsItOnce()
    {
        const int ceiling = 20;
        Cluster = await TwoNodeCluster.StartAsync(new Dictionary<string, string>
        {
            ["Broadcasts__MulticastPerSecond"] = $"{ceiling}",
            ["Broadcasts__MaxInFlight"] = "4",
        });
        var ids = await Cluster.SeedSubscribersAsync(Subscribers);
        var id = await TwoNodeCluster.CreateBroadcastAsync(Cluster.Node("node-a"));

        var clock = Stopwatch.StartNew();
        while (Cluster.AcceptedMulticasts() < 120 && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(20);
        }

        var victim = Cluster.Node("node-b");
        await victim.KillAsync();
        var beforeKill = Cluster.MulticastTimes();
        // Its lease outlives it by seconds, so what it held is still marked as its own.
        var heldByVictim = await Cluster.QueryAsync<long>(
            "SELECT id FROM broadcast_batches WHERE state = 'pending' AND claimed_by = 'node-b' AND claimed_until IS NOT NULL");
        Assert.NotEmpty(heldByVictim);

        await TwoNodeCluster.WaitSentAsync(Cluster.Node("node-a"), id, TimeSpan.FromSeconds(120));

        ExactlyOnce.Verify(Cluster.DeliveriesPerRecipient(), ids);
        var senders = await Cluster.QueryAsync<string>("SELECT DISTINCT claimed_by FROM broadcast_batches WHERE state = 'accepted' ORDER BY claimed_by");
        Assert.Equal(["node-a", "node-b"], senders);
        var takenOver = await Cluster.QueryAsync<string>(
            $"SELECT claimed_by || ' ' || state FROM broadcast_batches WHERE id IN ({string.Join(", ", heldByVictim)})");
        Assert.All(takenOver, t => Assert.Equal("node-a accepted", t));
        // Both instances together kept to the ceiling at LINE, before the kill, across it and after the survivor took over.
        Assert.True(Cluster.Line.Journal.BusiestSecond("/v2/bot/message/multicast") <= ceiling, $"{beforeKill.Count} multicasts before the kill");
    }

    [SkippableFact]
    public async Task Fanout_FiringInstanceKilledBeforeAnyBatch_OtherRecoversTheJobWithinTheCheckinAndSendsIt()
    {
        Cluster = await TwoNodeCluster.StartAsync();
        var ids = await Cluster.SeedSubscribersAsync(Subscribers);
        // The firing instance hangs on LINE's quota endpoint, after Quartz fired the trigger and before the snapshot.
        Cluster.Line.Faults.Set(new FaultSettings { Slow = 1, SlowMilliseconds = 60_000, Paths = ["/v2/bot/message/quota"] });
        var id = await TwoNodeCluster.CreateBroadcastAsync(Cluster.Node("node-a"));

        var clock = Stopwatch.StartNew();
        string? firing = null;
        while (firing is null && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            firing = (await Cluster.QueryAsync<string>(
                $"SELECT instance_name FROM qrtz_fired_triggers WHERE trigger_name = 'broadcast-{id}' AND state = 'EXECUTING'")).SingleOrDefault();
            await Task.Delay(20);
        }

        Assert.NotNull(firing);
        await Cluster.Node(firing).KillAsync();
        var killedAt = DateTimeOffset.UtcNow;
        Cluster.Line.Faults.Clear();
        Assert.Empty(Cluster.Line.Journal.For("/v2/bot/message/multicast"));
        var survivor = Cluster.Nodes.Single(n => n.Name != firing);

        await TwoNodeCluster.WaitSentAsync(survivor, id, TimeSpan.FromSeconds(60));

        var firedAt = DateTimeOffset.FromUnixTimeMilliseconds(await Cluster.Database.ScalarAsync<long>($"SELECT fired_at FROM broadcast_runs WHERE broadcast_id = {id}"));
        // Declared dead after the check-in interval plus the misfire threshold, recovered at the survivor's next check-in.
        var bound = (2 * TwoNodeCluster.CheckinInterval) + TwoNodeCluster.CheckinMisfireThreshold + TimeSpan.FromSeconds(2);
        Assert.InRange(firedAt - killedAt, TimeSpan.Zero, bound);
        Assert.Equal(1L, await Cluster.Database.ScalarAsync<long>($"SELECT COUNT(*) FROM broadcast_runs WHERE broadcast_id = {id}"));
        ExactlyOnce.Verify(Cluster.DeliveriesPerRecipient(), ids);
        Assert.Equal([survivor.Name], await Cluster.QueryAsync<string>("SELECT DISTINCT claimed_by FROM broadcast_batches"));
    }
}
