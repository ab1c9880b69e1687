using OutreachBot.Subscriptions;
using OutreachBot.Tests.Broadcasts;

namespace OutreachBot.Tests.Analytics;

/// <summary>A broadcast's block rate: who followed and who left in the 48 hours after it first went out, per topic.</summary>
public abstract class BlockRateTests(string provider) : IAsyncLifetime
{
    private AnalyticsHarness _a = null!;

    public async Task InitializeAsync() => _a = new(await BroadcastHarness.StartAsync(provider));

    public async Task DisposeAsync() => await _a.H.DisposeAsync();

    [SkippableFact]
    public async Task AfterABroadcast_UnfollowsOfItsSubscribersAndNewFollows_AreItsBlockRate()
    {
        var (id, citizens) = await _a.SendAsync(4);
        var store = _a.H.Get<CitizenStore>();
        await store.UnfollowAsync(citizens[0], DateTimeOffset.UtcNow, default);
        await store.FollowAsync("U" + new string('f', 32), "ja", null, DateTimeOffset.UtcNow, default);

        var rate = (await _a.ViewAsync(id))["blockRate"]!;

        Assert.Equal((1L, 1L, 4L, 1L), (rate.Number("follows"), rate.Number("unfollows"), rate.Number("subscribers"), rate.Number("unfollowed")));
        Assert.Equal(0.25, rate["rate"]!.GetValue<double>());
        var topic = Assert.Single(rate["topics"]!.AsArray())!;
        Assert.Equal(("volunteer", 4L, 1L), (topic.Text("topic"), topic.Number("subscribers"), topic.Number("unfollowed")));
    }

    [SkippableFact]
    public async Task BeforeItWentOut_HasNoBlockRate()
    {
        await _a.H.SeedAsync("volunteer", 1);
        var id = await _a.H.CreateAsync(BroadcastHarness.Broadcast("volunteer", draft: true));

        Assert.Null((await _a.ViewAsync(id))["blockRate"]);
    }
}

public sealed class BlockRateTestsOnSqlite() : BlockRateTests("Sqlite");

public sealed class BlockRateTestsOnPostgres() : BlockRateTests("Postgres");
