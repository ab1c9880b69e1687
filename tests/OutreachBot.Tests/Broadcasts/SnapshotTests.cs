using System.Diagnostics;

namespace OutreachBot.Tests.Broadcasts;

/// <summary>
/// The snapshot is committed in chunks and senders send the batches of committed chunks while later chunks are still
/// written; the run is finished, cancelled and held for the quota with that in mind.
/// </summary>
public abstract class SnapshotTests(string provider)
{
    private const int BatchSize = 50;

    [SkippableFact]
    public async Task Snapshot_InChunks_FirstBatchAcceptedBeforeTheLastChunkIsCommitted()
    {
        var audience = new BulkAudience(20_000, EnglishEvery: 199);
        await using var h = await StartAsync(audience);
        var id = await h.CreateAsync(BroadcastHarness.Broadcast("volunteer", messages: Bilingual()));

        var view = await h.WaitForStatusAsync(id, "sent", TimeSpan.FromSeconds(60));

        Assert.Equal(audience.Count, view.Number("targeted"));
        Assert.False(view["snapshotting"]!.GetValue<bool>());
        Assert.True(await FirstAcceptedAsync(h) < await SnapshottedAtAsync(h), "no batch was accepted before the last chunk was committed");
        ExactlyOnce.Verify(h.MulticastCounts(), audience.Recipients);
        // A chunk carries its partial batches over to the next one: one short batch per language, not one per chunk.
        var english = audience.Indexes.Count(audience.English);
        Assert.Equal(Batches(english) + Batches(audience.Count - english), await h.Database.ScalarAsync<long>("SELECT COUNT(*) FROM broadcast_batches"));
    }

    [SkippableFact]
    public async Task Snapshot_CancelledWhileWritten_StopsGrowingAndSendsNothingMore()
    {
        var audience = new BulkAudience(60_000);
        // Senders at 2 batches a second fall behind the snapshot, so batches are still pending when the cancel comes.
        await using var h = await StartAsync(audience, new() { ["Broadcasts:MulticastPerSecond"] = "2", ["Broadcasts:SnapshotChunk"] = "50" });
        var id = await h.CreateAsync(BroadcastHarness.Broadcast("volunteer"));
        await WaitUntilAsync(h, "targeted >= 500 AND snapshotted_at IS NULL");
        Assert.True((await h.GetAsync(id))["snapshotting"]!.GetValue<bool>());

        var (cancel, body) = await h.PostAsync($"/api/v1/broadcasts/{id}/cancel", new { });

        Assert.True(cancel.IsSuccessStatusCode, body?.ToJsonString());
        await h.WaitForStatusAsync(id, "cancelled");
        // Batches already handed to a sender when the cancel came finish; every other one is cancelled.
        await WaitUntilAsync(h, "NOT EXISTS (SELECT 1 FROM broadcast_batches WHERE state = 'pending')");
        var targeted = await TargetedAsync(h);
        await Task.Delay(500);
        Assert.Equal(targeted, await TargetedAsync(h));
        Assert.InRange(targeted, 1, audience.Count - 1);
        var delivered = h.MulticastCounts();
        await Task.Delay(300);
        Assert.Equal(delivered.Count, h.MulticastCounts().Count);
        Assert.Equal(await h.Database.ScalarAsync<long>("SELECT COALESCE(SUM(recipient_count), 0) FROM broadcast_batches WHERE state = 'accepted'"), delivered.Count);
        Assert.InRange(delivered.Count, 0, targeted - 1);
    }

    [SkippableFact]
    public async Task Quota_CoveringTheUpperBound_SendingStartsBeforeTheSnapshotEnds()
    {
        var audience = new BulkAudience(20_000);
        await using var h = await StartAsync(audience, quota: 20_000);
        var id = await h.CreateAsync(BroadcastHarness.Broadcast("volunteer"));

        await h.WaitForStatusAsync(id, "sent", TimeSpan.FromSeconds(60));

        Assert.True(await FirstAcceptedAsync(h) < await SnapshottedAtAsync(h), "no batch was accepted before the last chunk was committed");
        ExactlyOnce.Verify(h.MulticastCounts(), audience.Recipients);
    }

    [SkippableFact]
    public async Task Quota_BelowTheUpperBoundButCoveringTheCount_NothingSentUntilCountedThenEveryone()
    {
        // 20,000 subscriptions, of which 2,000 belong to citizens who no longer follow: the bound (20,000) exceeds the
        // quota (19,000), the recipients (18,000) do not.
        var audience = new BulkAudience(20_000, UnfollowedEvery: 10);
        await using var h = await StartAsync(audience, quota: 19_000);
        var id = await h.CreateAsync(BroadcastHarness.Broadcast("volunteer"));

        var view = await h.WaitForStatusAsync(id, "sent", TimeSpan.FromSeconds(60));

        Assert.Equal(18_000, view.Number("targeted"));
        Assert.Null(view["reason"]);
        Assert.True(FirstMulticastReceived(h) >= await SnapshottedAtAsync(h), "a batch went out before the recipients were counted");
        ExactlyOnce.Verify(h.MulticastCounts(), audience.Recipients);
    }

    [SkippableFact]
    public async Task Quota_BelowTheCount_HeldAfterCountingWithNothingSent()
    {
        var audience = new BulkAudience(20_000, UnfollowedEvery: 10);
        await using var h = await StartAsync(audience, quota: 17_999);
        var id = await h.CreateAsync(BroadcastHarness.Broadcast("volunteer"));

        var held = await h.WaitForStatusAsync(id, "held", TimeSpan.FromSeconds(60));

        Assert.Equal(18_000, held.Number("targeted"));
        Assert.Contains("Held: 18000 recipients but only 17999 messages left", held.Text("reason"), StringComparison.Ordinal);
        Assert.Empty(h.MulticastCounts());
    }

    private static Dictionary<string, object[]> Bilingual() => new()
    {
        ["ja"] = [BroadcastHarness.Text("今週の市民活動です")],
        ["en"] = [BroadcastHarness.Text("This week's civic activities")],
    };

    private static long Batches(int recipients) => (recipients + BatchSize - 1) / BatchSize;

    private static Task<long> FirstAcceptedAsync(BroadcastHarness h) =>
        h.Database.ScalarAsync<long>("SELECT MIN(finished_at) FROM broadcast_batches WHERE state = 'accepted'");

    /// <summary>
    /// When LINE (the emulator) first received a multicast: necessarily after the commit that made a batch claimable. A
    /// batch's own first_sent_at is not: a claim reads its clock before its query waits for that very commit.
    /// </summary>
    private static long FirstMulticastReceived(BroadcastHarness h) =>
        h.Line.Journal.Deliveries.Where(d => d.Via == "multicast").Min(d => d.At).ToUnixTimeMilliseconds();

    private static Task<long> SnapshottedAtAsync(BroadcastHarness h) =>
        h.Database.ScalarAsync<long>("SELECT snapshotted_at FROM broadcast_runs");

    private static Task<long> TargetedAsync(BroadcastHarness h) =>
        h.Database.ScalarAsync<long>("SELECT targeted FROM broadcast_runs");

    private static async Task WaitUntilAsync(BroadcastHarness h, string condition)
    {
        var clock = Stopwatch.StartNew();
        while (await h.Database.ScalarAsync<long>($"SELECT COUNT(*) FROM broadcast_runs WHERE {condition}") == 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"no run became {condition}");
            await Task.Delay(2);
        }
    }

    private async Task<BroadcastHarness> StartAsync(BulkAudience audience, Dictionary<string, string?>? settings = null, long? quota = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Broadcasts:BatchSize"] = BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Broadcasts:SnapshotChunk"] = "100",
            ["Broadcasts:MaxInFlight"] = "8",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        var h = await BroadcastHarness.StartAsync(provider, all, monthlyQuota: quota);
        await audience.SeedAsync(h.Database, h.Line, "volunteer");
        return h;
    }
}

public sealed class SnapshotTestsOnSqlite() : SnapshotTests("Sqlite");

public sealed class SnapshotTestsOnPostgres() : SnapshotTests("Postgres");
