using System.Net.Http.Json;
using OutreachBot.LineEmulator.Hosting;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Conversations;

/// <summary>What a real chat throws at the bot: forged buttons, stray words, emoji, walls of text, full-width typing, slow events.</summary>
public abstract class ConversationEdgeTests(string provider) : IAsyncLifetime
{
    private const string Invalid = "この操作は受け付けられませんでした";
    private ConversationHost _host = null!;

    public async Task InitializeAsync() => _host = await ConversationHost.StartAsync(provider);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [SkippableFact]
    public async Task Postback_ForgedOrMalformed_PoliteAnswerAndNothingChanged()
    {
        var chat = await FollowedAsync("Uforged000000000000000000000001");
        string[] forged =
        [
            "", "garbage", "v1", "v2|sub|1", "V1|sub|1", "v1|sub", "v1|sub|", "v1|sub|abc", "v1|sub|-1", "v1|sub|01", "v1|sub|+1",
            "v1|sub| 1", "v1|sub|1|2", "v1|sub|99999999999999999999", "v1|nope", "v1|lang|xx", "v1|lang|JA", "v1|topics|0",
            "v1|topics|1001", "v1|stop-yes|", "v1|menu|1", "v1|sub|1\u0000", new string('x', 300), "v1|sub|" + new string('1', 293),
            "{\"action\":\"sub\",\"topic\":1}",
        ];

        foreach (var data in forged)
        {
            var answer = await chat.TapAsync(data);
            Assert.True(Sent.Text(answer).Contains(Invalid, StringComparison.Ordinal), $"'{data}' got: {Sent.Text(answer)}");
        }

        Assert.Equal(0, await _host.ScalarAsync<long>("SELECT COUNT(*) FROM subscriptions"));
        Assert.Equal("ja", await _host.ScalarAsync<string>($"SELECT language FROM citizens WHERE user_id = '{chat.UserId}'"));
        LineChecks.AllValid(_host.Line);
    }

    [SkippableFact]
    public async Task Postback_TopicArchivedOrUnknown_UnavailableAndNothingChanged()
    {
        var chat = await FollowedAsync("Ustale0000000000000000000000001");
        var topics = await chat.SayAsync("登録");
        var volunteer = await _host.ScalarAsync<long>("SELECT id FROM topics WHERE slug = 'volunteer'");
        var subscribe = Sent.Button(topics, $"v1|sub|{volunteer}");
        using var api = _host.Bot.CreateApiClient();
        var archived = await api.PutAsJsonAsync("/api/v1/topics/volunteer", new { names = new { ja = "ボランティア募集" }, order = 10, archived = true });
        archived.EnsureSuccessStatusCode();

        Assert.Contains("このトピックは現在ご利用いただけません", Sent.Text(await chat.TapAsync(subscribe)));
        Assert.Contains("このトピックは現在ご利用いただけません", Sent.Text(await chat.TapAsync("v1|sub|987654")));
        Assert.Contains("このトピックは現在ご利用いただけません", Sent.Text(await chat.TapAsync("v1|unsub|987654")));
        Assert.Equal(0, await _host.ScalarAsync<long>("SELECT COUNT(*) FROM subscriptions"));
        Assert.Equal(7, Sent.Bubbles(await chat.SayAsync("登録")).Count);
        LineChecks.AllValid(_host.Line);
    }

    [SkippableFact]
    public async Task Postback_StopAllConfirmedTooLate_ExpiredAndSubscriptionsKept()
    {
        var chat = await FollowedAsync("Ulate00000000000000000000000001");
        var topics = await chat.SayAsync("登録");
        await chat.TapAsync(Sent.Button(topics, "v1|sub|"));
        var twoHoursAgo = DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeSeconds();

        Assert.Contains("有効期限が切れました", Sent.Text(await chat.TapAsync($"v1|stop-yes|{twoHoursAgo}")));
        Assert.Contains("有効期限が切れました", Sent.Text(await chat.TapAsync($"v1|stop-yes|{DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeSeconds()}")));
        Assert.Equal(1, await _host.ScalarAsync<long>("SELECT COUNT(*) FROM subscriptions WHERE ended_at IS NULL"));
        LineChecks.AllValid(_host.Line);
    }

    [SkippableFact]
    public async Task Text_UnknownCommand_StoredForStaffWithTheMenu()
    {
        var chat = await FollowedAsync("Uunknown00000000000000000000001");

        var answer = await chat.SayAsync("/subscribe-all");
        Assert.Contains("ご質問を受け付けました（受付番号 1）", Sent.Text(answer));
        Assert.Contains("職員が平日", Sent.Text(answer));
        Assert.Contains(Sent.Buttons(answer), b => b.Data == "v1|topics|1");
        Assert.Equal("/subscribe-all", await _host.ScalarAsync<string>("SELECT text FROM consultations"));
        LineChecks.AllValid(_host.Line);
    }

    [SkippableFact]
    public async Task Text_OnlyEmojiOrASticker_FriendlyHintAndNothingStored()
    {
        var chat = await FollowedAsync("Uemoji000000000000000000000001");

        foreach (var text in new[] { "😀", "🎉👍🏽🇯🇵", "！！", "w" })
        {
            Assert.Contains("メニューから選ぶか", Sent.Text(await chat.SayAsync(text)));
        }

        Assert.Contains("メニューから選ぶか", Sent.Text(await chat.SendStickerAsync()));
        Assert.Equal(0, await _host.ScalarAsync<long>("SELECT COUNT(*) FROM consultations"));
        LineChecks.AllValid(_host.Line);
    }

    [SkippableFact]
    public async Task Text_QuestionWithEmoji_StoredExactly()
    {
        var chat = await FollowedAsync("Uemojiq00000000000000000000001");

        await chat.SayAsync("駐車場はありますか？🚗💨 よろしくお願いします🙏");

        Assert.Equal("駐車場はありますか？🚗💨 よろしくお願いします🙏", await _host.ScalarAsync<string>("SELECT text FROM consultations"));
        LineChecks.AllValid(_host.Line);
    }

    [SkippableFact]
    public async Task Text_VeryLong_StoredUpToLineLimitAndAnswerStaysValid()
    {
        var chat = await FollowedAsync("Ulong00000000000000000000000001");
        var longest = string.Concat(Enumerable.Repeat("市民活動の補助金について質問です。🙇", 400))[..5000];

        var answer = await chat.SayAsync(longest);
        await chat.SayAsync(new string('あ', 20_000));

        Assert.Contains("ご質問を受け付けました", Sent.Text(answer));
        Assert.Equal(longest, await _host.ScalarAsync<string>("SELECT text FROM consultations WHERE id = 1"));
        Assert.Equal(5000, await _host.ScalarAsync<long>("SELECT LENGTH(text) FROM consultations WHERE id = 2"));
        LineChecks.AllValid(_host.Line);
    }

    [SkippableFact]
    public async Task Text_CommandsInFullWidthHalfWidthAndAnyCase_Recognised()
    {
        var chat = await FollowedAsync("Uwidth000000000000000000000001");

        foreach (var menu in new[] { "ＭＥＮＵ", "ｍｅｎｕ", "Menu", "ﾒﾆｭｰ", "　メニュー。", "めにゅー", "메뉴" })
        {
            Assert.True(Sent.Text(await chat.SayAsync(menu)).Contains("何をしますか", StringComparison.Ordinal), menu);
        }

        Assert.Contains("使い方", Sent.Text(await chat.SayAsync("ＨＥＬＰ！")));
        Assert.Contains("使い方", Sent.Text(await chat.SayAsync("？")));
        Assert.Equal(8, Sent.Bubbles(await chat.SayAsync("ｔｏｐｉｃｓ")).Count);
        Assert.Equal(0, await _host.ScalarAsync<long>("SELECT COUNT(*) FROM consultations"));
        LineChecks.AllValid(_host.Line);
    }

    [SkippableFact]
    public async Task Reply_EventOlderThanTheTokenLasts_AnsweredByPushWithoutTryingTheToken()
    {
        var chat = await FollowedAsync("Uold000000000000000000000000001");
        var replies = _host.Line.Journal.For("/v2/bot/message/reply").Count;

        var answer = await chat.SayAsync("メニュー", occurredAt: DateTimeOffset.UtcNow.AddMinutes(-2));

        Assert.Equal("push", Assert.Single(answer).Via);
        Assert.Equal(replies, _host.Line.Journal.For("/v2/bot/message/reply").Count);
        var push = Assert.Single(_host.Line.Journal.For("/v2/bot/message/push"));
        Assert.NotNull(push.RetryKey);
        LineChecks.AllValid(_host.Line);
    }

    [SkippableFact]
    public async Task Reply_TokenRefusedAsExpired_AnsweredByPush()
    {
        await using var host = await ConversationHost.StartAsync(
            provider, emulator: new EmulatorOptions { ChannelSecret = TestBot.ChannelSecret, ReplyTokenLifetime = TimeSpan.FromTicks(1) });
        var chat = host.Citizen("Uexpired00000000000000000000001");

        var greeting = await chat.FollowAsync();

        Assert.Contains("友だち追加ありがとうございます", Sent.Text(greeting));
        Assert.Equal("push", Assert.Single(greeting).Via);
        Assert.Equal(400, Assert.Single(host.Line.Journal.For("/v2/bot/message/reply")).Status);
        LineChecks.AllValid(host.Line, r => r.Path == "/v2/bot/message/reply" && r.Status == 400);
    }

    [SkippableFact]
    public async Task Answer_SlowToPrepare_LoadingAnimationShownFirst()
    {
        await using var host = await ConversationHost.StartAsync(provider, new Dictionary<string, string?> { ["Conversations:LoadingAnimationAfter"] = "00:00:00" });
        var chat = host.Citizen("Uslow0000000000000000000000001");
        await chat.FollowAsync();

        await chat.SayAsync("登録");

        var loading = Assert.Single(host.Line.Journal.For("/v2/bot/chat/loading/start"));
        Assert.Equal(202, loading.Status);
        Assert.True(loading.Sequence < host.Line.Journal.For("/v2/bot/message/reply")[^1].Sequence);
        LineChecks.AllValid(host.Line);
    }

    [SkippableFact]
    public async Task Follow_HandledTwiceAfterACrash_GreetedOnceAndStillAFirstFollow()
    {
        var chat = await FollowedAsync("Utwice00000000000000000000000001");
        var followedAt = await _host.ScalarAsync<long>($"SELECT first_followed_at FROM citizens WHERE user_id = '{chat.UserId}'");

        // As if the processor crashed after storing the follow but before recording it done.
        await _host.Database.ExecuteAsync($"UPDATE inbox_events SET state = 'pending', next_attempt_at = 0 WHERE event_type = 'follow'");
        await WaitAsync(async () => await _host.ScalarAsync<long>("SELECT COUNT(*) FROM inbox_events WHERE state = 'pending'") == 0);

        Assert.Equal("reply", Assert.Single(chat.All).Via);
        Assert.Empty(_host.Line.Journal.For("/v2/bot/message/push"));
        Assert.Contains("友だち追加ありがとうございます", Sent.Text(chat.All));
        Assert.Equal(followedAt, await _host.ScalarAsync<long>($"SELECT first_followed_at FROM citizens WHERE user_id = '{chat.UserId}'"));
    }

    private async Task<CitizenChat> FollowedAsync(string userId)
    {
        var chat = _host.Citizen(userId);
        await chat.FollowAsync();
        return chat;
    }

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!await condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}

public sealed class ConversationEdgeTestsOnSqlite() : ConversationEdgeTests("Sqlite");

public sealed class ConversationEdgeTestsOnPostgres() : ConversationEdgeTests("Postgres");
