using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Subscriptions;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Subscriptions;

public abstract class SubscriptionStoreTests(string provider) : BotHost(provider)
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 12, 0, 0, TimeSpan.FromHours(9));
    private CitizenStore Citizens => Bot.Services.GetRequiredService<CitizenStore>();

    private SubscriptionStore Subscriptions => Bot.Services.GetRequiredService<SubscriptionStore>();

    private TopicStore Topics => Bot.Services.GetRequiredService<TopicStore>();

    [SkippableFact]
    public async Task Subscribe_Twice_OneSubscriptionCounted()
    {
        var volunteer = (await Topics.FindAsync("volunteer", default))!;
        await Citizens.FollowAsync("Ua", "ja", null, Monday, default);

        Assert.True(await Subscriptions.SubscribeAsync("Ua", volunteer.Id, Monday, default));
        Assert.False(await Subscriptions.SubscribeAsync("Ua", volunteer.Id, Monday, default));

        Assert.Equal(1, (await Topics.FindAsync("volunteer", default))!.SubscriberCount);
    }

    [SkippableFact]
    public async Task Subscribe_OlderThanAStopAll_StartsNothing()
    {
        var volunteer = (await Topics.FindAsync("volunteer", default))!;
        var events = (await Topics.FindAsync("events", default))!;
        await Citizens.FollowAsync("Ua", "ja", null, Monday, default);
        await Subscriptions.SubscribeAsync("Ua", volunteer.Id, Monday.AddMinutes(1), default);
        await Subscriptions.UnsubscribeAllAsync("Ua", Monday.AddMinutes(3), default);

        Assert.False(await Subscriptions.SubscribeAsync("Ua", volunteer.Id, Monday.AddMinutes(2), default));
        Assert.False(await Subscriptions.SubscribeAsync("Ua", events.Id, Monday.AddMinutes(2), default));

        Assert.Empty(await Subscriptions.TopicIdsOfAsync("Ua", default));
        Assert.True(await Subscriptions.SubscribeAsync("Ua", events.Id, Monday.AddMinutes(4), default));
    }

    [SkippableFact]
    public async Task Subscribe_OlderThanTheUnsubscribeOfThatTopic_StartsNothing()
    {
        var volunteer = (await Topics.FindAsync("volunteer", default))!;
        await Citizens.FollowAsync("Ua", "ja", null, Monday, default);
        await Subscriptions.SubscribeAsync("Ua", volunteer.Id, Monday.AddMinutes(1), default);
        await Subscriptions.UnsubscribeAsync("Ua", volunteer.Id, Monday.AddMinutes(3), default);

        Assert.False(await Subscriptions.SubscribeAsync("Ua", volunteer.Id, Monday.AddMinutes(2), default));

        Assert.Empty(await Subscriptions.TopicIdsOfAsync("Ua", default));
    }

    [SkippableFact]
    public async Task Unsubscribe_OlderThanTheSubscribe_KeepsIt()
    {
        var volunteer = (await Topics.FindAsync("volunteer", default))!;
        await Citizens.FollowAsync("Ua", "ja", null, Monday, default);
        await Subscriptions.SubscribeAsync("Ua", volunteer.Id, Monday.AddMinutes(2), default);

        Assert.False(await Subscriptions.UnsubscribeAsync("Ua", volunteer.Id, Monday.AddMinutes(1), default));
        Assert.Equal(0, await Subscriptions.UnsubscribeAllAsync("Ua", Monday.AddMinutes(1), default));

        Assert.Equal([volunteer.Id], await Subscriptions.TopicIdsOfAsync("Ua", default));
    }

    [SkippableFact]
    public async Task Follow_OlderThanTheLastUnfollow_LeavesTheCitizenUnfollowed()
    {
        await Citizens.FollowAsync("Ua", "ja", null, Monday, default);
        await Citizens.UnfollowAsync("Ua", Monday.AddMinutes(3), default);

        var late = await Citizens.FollowAsync("Ua", "ja", null, Monday.AddMinutes(2), default);

        Assert.True(late.Stale);
        Assert.False(late.Following);
        Assert.False((await Citizens.FindAsync("Ua", default))!.Following);
    }

    [SkippableFact]
    public async Task Unfollow_OlderThanTheLastFollow_LeavesTheCitizenFollowing()
    {
        await Citizens.FollowAsync("Ua", "ja", null, Monday, default);
        await Citizens.UnfollowAsync("Ua", Monday.AddMinutes(1), default);
        await Citizens.FollowAsync("Ua", "ja", null, Monday.AddMinutes(3), default);

        await Citizens.UnfollowAsync("Ua", Monday.AddMinutes(2), default);

        Assert.True((await Citizens.FindAsync("Ua", default))!.Following);
    }

    [SkippableFact]
    public async Task SubscriberCount_CitizenUnfollowed_NotCountedButSubscriptionKeptForTheirReturn()
    {
        var volunteer = (await Topics.FindAsync("volunteer", default))!;
        await Citizens.FollowAsync("Ua", "en", null, Monday, default);
        await Subscriptions.SubscribeAsync("Ua", volunteer.Id, Monday, default);

        await Citizens.UnfollowAsync("Ua", Monday.AddHours(1), default);
        var whileGone = (await Topics.FindAsync("volunteer", default))!.SubscriberCount;
        var back = await Citizens.FollowAsync("Ua", "ja", null, Monday.AddDays(2), default);

        Assert.Equal(0, whileGone);
        Assert.True(back.Returning);
        Assert.Equal("en", back.Language);
        Assert.Equal(1, back.KeptSubscriptions);
        Assert.Equal(1, (await Topics.FindAsync("volunteer", default))!.SubscriberCount);
    }

    [SkippableFact]
    public async Task UnsubscribeAll_EndsEverySubscription()
    {
        await Citizens.FollowAsync("Ua", "ja", null, Monday, default);
        foreach (var topic in await Topics.ListAsync(false, default))
        {
            await Subscriptions.SubscribeAsync("Ua", topic.Id, Monday, default);
        }

        Assert.Equal(8, await Subscriptions.UnsubscribeAllAsync("Ua", Monday.AddHours(1), default));
        Assert.Empty(await Subscriptions.TopicIdsOfAsync("Ua", default));
    }

    [SkippableFact]
    public async Task PerTopicPerDay_SubscriptionsAndFollowsOverAWeek_CountsEachDayAsItEnded()
    {
        var stats = Bot.Services.GetRequiredService<SubscriberStats>();
        await Topics.CreateAsync(new TopicDraft("seminars", new Dictionary<string, string> { ["ja"] = "講座" }, null, 0, false), Monday.AddDays(-7), default);
        var events = (await Topics.FindAsync("seminars", default))!;
        await Citizens.FollowAsync("Ua", "ja", null, Monday, default);
        await Citizens.FollowAsync("Ub", "ja", null, Monday, default);
        await Subscriptions.SubscribeAsync("Ua", events.Id, Monday, default);
        await Subscriptions.SubscribeAsync("Ub", events.Id, Monday.AddDays(1), default);
        await Subscriptions.UnsubscribeAsync("Ua", events.Id, Monday.AddDays(2), default);
        await Citizens.UnfollowAsync("Ub", Monday.AddDays(3), default);
        // 23:30 JST on Friday is still Friday in Tokyo, though Friday 14:30 in UTC.
        await Citizens.FollowAsync("Ub", "ja", null, new DateTimeOffset(2026, 11, 20, 23, 30, 0, TimeSpan.FromHours(9)), default);

        var rows = await stats.PerTopicPerDayAsync(new DateOnly(2026, 11, 15), new DateOnly(2026, 11, 21), default);

        var perDay = rows.Where(r => r.Topic == "seminars" && r.Channel == SubscriberChannels.Line).Select(r => r.Subscribers);
        Assert.Equal(new long[] { 0, 1, 2, 1, 0, 1, 1 }, perDay);
    }
}

public sealed class SubscriptionStoreTestsOnSqlite() : SubscriptionStoreTests("Sqlite");

public sealed class SubscriptionStoreTestsOnPostgres() : SubscriptionStoreTests("Postgres");
