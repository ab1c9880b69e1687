using OutreachBot.Analytics.Follows;
using OutreachBot.Subscriptions;
using OutreachBot.Tests.Broadcasts;

namespace OutreachBot.Tests.Analytics;

/// <summary>A broadcast's block rate (its console page): who followed and who left in the 48 hours after it first went out, per topic.</summary>
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

        var rate = (await _a.H.Get<BlockRates>().ForAsync(id, default))!;

        Assert.Equal((1L, 1L, 4L, 1L), (rate.Follows, rate.Unfollows, rate.Subscribers, rate.Unfollowed));
        Assert.Equal(0.25, rate.Rate);
        var topic = Assert.Single(rate.Topics);
        Assert.Equal(("volunteer", 4L, 1L, 0.25), (topic.Topic, topic.Subscribers, topic.Unfollowed, topic.Rate));
    }

    [SkippableFact]
    public async Task BeforeItWentOut_HasNoBlockRate()
    {
        await _a.H.SeedAsync("volunteer", 1);
        var id = await _a.H.CreateAsync(BroadcastHarness.Broadcast("volunteer", draft: true));

        Assert.Null(await _a.H.Get<BlockRates>().ForAsync(id, default));
    }
}

public sealed class BlockRateTestsOnSqlite() : BlockRateTests("Sqlite");

public sealed class BlockRateTestsOnPostgres() : BlockRateTests("Postgres");
