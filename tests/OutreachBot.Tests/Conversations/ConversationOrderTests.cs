using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Conversations;

/// <summary>Late, redelivered and flooding events: what the bot still does, and what it no longer does.</summary>
public abstract class ConversationOrderTests(string provider) : IAsyncLifetime
{
    private ConversationHost _host = null!;

    public async Task InitializeAsync() => _host = await ConversationHost.StartAsync(
        provider, new Dictionary<string, string?> { ["Conversations:AnswerBurst"] = "3", ["Conversations:AnswersPerMinute"] = "1" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [SkippableFact]
    public async Task Message_OlderThanTheUnfollow_NotAnsweredAndTheCitizenStaysUnfollowed()
    {
        var chat = _host.Citizen("Ulate00000000000000000000000001");
        await chat.FollowAsync();
        await chat.UnfollowAsync();

        var answer = await chat.SayAsync("メニュー", occurredAt: DateTimeOffset.UtcNow.AddSeconds(-20));

        Assert.Empty(answer);
        Assert.Equal(0, await FollowingAsync(chat));
        Assert.Equal(0, await _host.ScalarAsync<long>($"SELECT COUNT(*) FROM follow_periods WHERE user_id = '{chat.UserId}' AND ended_at IS NULL"));
    }

    [SkippableFact]
    public async Task Message_AfterTheUnfollow_FollowsAgainAndIsAnswered()
    {
        var chat = _host.Citizen("Uback00000000000000000000000001");
        await chat.FollowAsync();
        await chat.UnfollowAsync();
        await chat.FollowAgainAsync();

        Assert.NotEmpty(await chat.SayAsync("メニュー"));
        Assert.Equal(1, await FollowingAsync(chat));
    }

    [SkippableFact]
    public async Task Reply_EventOlderThanThePushFallbackAge_DroppedNotPushed()
    {
        var chat = _host.Citizen("Uoutage0000000000000000000000001");
        await chat.FollowAsync();
        var pushes = _host.Line.Journal.For("/v2/bot/message/push").Count;

        var answer = await chat.SayAsync("メニュー", occurredAt: DateTimeOffset.UtcNow.AddMinutes(-6));

        Assert.Empty(answer);
        Assert.Equal(pushes, _host.Line.Journal.For("/v2/bot/message/push").Count);
    }

    [SkippableFact]
    public async Task Answer_CitizenFloodingTheBot_SilencedButTheirChangesStillStored()
    {
        var chat = _host.Citizen("Uflood0000000000000000000000001");
        await chat.FollowAsync();
        await chat.SayAsync("メニュー");
        await chat.SayAsync("メニュー");
        var answered = chat.All.Count;

        var overTheLimit = await chat.SayAsync("メニュー");
        var topic = await _host.ScalarAsync<long>("SELECT MIN(id) FROM topics");
        var subscribe = await chat.TapAsync($"v1|sub|{topic}");

        Assert.Empty(overTheLimit);
        Assert.Empty(subscribe);
        Assert.Equal(1, await _host.ScalarAsync<long>($"SELECT COUNT(*) FROM subscriptions WHERE user_id = '{chat.UserId}' AND ended_at IS NULL"));
        Assert.Equal(answered, chat.All.Count);
    }

    private Task<long> FollowingAsync(CitizenChat chat) =>
        _host.ScalarAsync<long>($"SELECT CASE WHEN following THEN 1 ELSE 0 END FROM citizens WHERE user_id = '{chat.UserId}'");
}

public sealed class ConversationOrderTestsOnSqlite() : ConversationOrderTests("Sqlite");

public sealed class ConversationOrderTestsOnPostgres() : ConversationOrderTests("Postgres");
