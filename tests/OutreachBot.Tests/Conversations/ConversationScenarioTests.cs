using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Conversations;

/// <summary>
/// A citizen's whole journey, end to end through the LINE emulator over real HTTP: follow → language → topics →
/// subscribe two → my subscriptions → unsubscribe one → stop all (confirmed) → unfollow → follow again (keep or drop).
/// Each step checks what the citizen saw and what the database holds; at the end, every message is LINE-valid.
/// </summary>
public abstract class ConversationScenarioTests(string provider) : IAsyncLifetime
{
    private ConversationHost _host = null!;

    public async Task InitializeAsync() => _host = await ConversationHost.StartAsync(provider);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [SkippableFact]
    public async Task Journey_InJapanese_EveryStepAnsweredAndStored()
    {
        var chat = _host.Citizen("Uja0000000000000000000000000001", "ja");
        var volunteer = await TopicIdAsync("volunteer");
        var events = await TopicIdAsync("events");

        var greeting = await chat.FollowAsync();
        Assert.Contains("友だち追加ありがとうございます", Sent.Text(greeting));
        Assert.DoesNotContain("Thank you", Sent.Text(greeting));
        Assert.Equal(7, Sent.Buttons(greeting).Count);
        Assert.Equal("v1|lang|ja", Sent.Buttons(greeting)[0].Data);
        Assert.True(await CitizenAsync<bool>(chat, "following"));

        var language = await chat.TapAsync(Sent.Button(greeting, "v1|lang|ja"));
        Assert.Contains("日本語で表示します", Sent.Text(language));
        Assert.True(await CitizenAsync<bool>(chat, "language_chosen"));

        var topics = await chat.SayAsync("登録");
        Assert.Contains("受け取りたいトピック", Sent.Text(topics));
        var cards = Sent.Bubbles(topics);
        Assert.Equal(8, cards.Count);
        Assert.Contains("ボランティア募集", Sent.Shown(cards[0]));
        Assert.Contains("0人が登録中", Sent.Shown(cards[0]));

        var first = await chat.TapAsync(Sent.Button(topics, $"v1|sub|{volunteer}"));
        Assert.Contains("「ボランティア募集」を登録しました", Sent.Text(first));
        var updated = Assert.Single(Sent.Bubbles(first));
        Assert.Contains("1人が登録中", Sent.Shown(updated));
        Assert.Contains("登録を解除する", Sent.Shown(updated));
        Assert.Equal($"v1|unsub|{volunteer}", Sent.Button(first, "v1|unsub|"));
        await chat.TapAsync(Sent.Button(topics, $"v1|sub|{events}"));
        Assert.Equal(2, await OpenSubscriptionsAsync(chat));

        var mine = await chat.SayAsync("解除");
        var list = Sent.Shown(Assert.Single(Sent.Bubbles(mine)));
        Assert.Contains("登録中のトピック（2件）", list);
        Assert.Contains("イベント・講座", list);
        Assert.Contains("すべて配信停止", list);

        var unsubscribed = await chat.TapAsync(Sent.Button(mine, $"v1|unsub|{volunteer}"));
        Assert.Contains("「ボランティア募集」の登録を解除しました", Sent.Text(unsubscribed));
        Assert.Equal(1, await OpenSubscriptionsAsync(chat));

        var confirm = await chat.TapAsync(Sent.Button(mine, "v1|stop"));
        Assert.Equal("template", Sent.Type(Assert.Single(confirm).Content));
        Assert.Contains("1件のトピックをすべて解除します", Assert.Single(confirm).Content.GetProperty("template").GetProperty("text").GetString());
        Assert.Contains("配信停止を取りやめました", Sent.Text(await chat.TapAsync(Sent.Button(confirm, "v1|stop-no"))));
        Assert.Equal(1, await OpenSubscriptionsAsync(chat));
        Assert.Contains("すべての配信を停止しました", Sent.Text(await chat.TapAsync(Sent.Button(confirm, "v1|stop-yes|"))));
        Assert.Equal(0, await OpenSubscriptionsAsync(chat));

        var again = await chat.SayAsync("トピック");
        await chat.TapAsync(Sent.Button(again, $"v1|sub|{events}"));
        Assert.Equal(1, await OpenSubscriptionsAsync(chat));

        Assert.Empty(await chat.UnfollowAsync());
        Assert.False(await CitizenAsync<bool>(chat, "following"));
        Assert.Equal(0, await _host.ScalarAsync<long>($"SELECT COUNT(*) FROM subscriptions s JOIN citizens c ON c.user_id = s.user_id WHERE s.topic_id = {events} AND s.ended_at IS NULL AND c.following"));

        var back = await chat.FollowAgainAsync();
        Assert.Contains("おかえりなさい", Sent.Text(back));
        var question = back.Single(l => Sent.Type(l.Content) == "template").Content.GetProperty("template").GetProperty("text").GetString();
        Assert.Contains("以前登録していた1件のトピック", question);
        Assert.True(await CitizenAsync<bool>(chat, "following"));
        Assert.Contains("以前の登録をそのまま続けます", Sent.Text(await chat.TapAsync(Sent.Button(back, "v1|keep"))));
        Assert.Equal(1, await OpenSubscriptionsAsync(chat));
        Assert.Equal("ja", await CitizenAsync<string>(chat, "language"));

        LineChecks.AllValid(_host.Line);
    }

    [SkippableFact]
    public async Task Journey_InEnglish_GuessedFromProfileAndDroppedOnReturn()
    {
        var chat = _host.Citizen("Uen0000000000000000000000000001", "en", "Alice");
        var volunteer = await TopicIdAsync("volunteer");
        var multicultural = await TopicIdAsync("multicultural");

        var greeting = await chat.FollowAsync();
        Assert.Contains("友だち追加ありがとうございます", Sent.Text(greeting));
        Assert.Contains("Thank you for adding us", Sent.Text(greeting));
        Assert.Equal("v1|lang|en", Sent.Buttons(greeting)[0].Data);
        Assert.Equal("en", await CitizenAsync<string>(chat, "language"));
        Assert.Equal("Alice", await CitizenAsync<string>(chat, "display_name"));

        Assert.Contains("in English", Sent.Text(await chat.TapAsync("v1|lang|en")));

        var topics = await chat.SayAsync("Topics");
        Assert.Contains("Volunteer calls", Sent.Shown(Sent.Bubbles(topics)[0]));
        Assert.Contains("Follow", Sent.Shown(Sent.Bubbles(topics)[0]));
        Assert.Contains("You now follow \"Volunteer calls\"", Sent.Text(await chat.TapAsync(Sent.Button(topics, $"v1|sub|{volunteer}"))));
        var second = await chat.TapAsync(Sent.Button(topics, $"v1|sub|{multicultural}"));
        Assert.Contains("1 following", Sent.Shown(Assert.Single(Sent.Bubbles(second))));
        Assert.Equal(2, await OpenSubscriptionsAsync(chat));

        var mine = await chat.SayAsync("my topics");
        Assert.Contains("Your topics (2)", Sent.Shown(Assert.Single(Sent.Bubbles(mine))));
        Assert.Contains("no longer follow", Sent.Text(await chat.TapAsync(Sent.Button(mine, $"v1|unsub|{multicultural}"))));
        Assert.Equal(1, await OpenSubscriptionsAsync(chat));

        var confirm = await chat.SayAsync("STOP");
        Assert.Contains("removes all 1 of your topics", Assert.Single(confirm).Content.GetProperty("template").GetProperty("text").GetString());
        Assert.Contains("All news is stopped", Sent.Text(await chat.TapAsync(Sent.Button(confirm, "v1|stop-yes|"))));
        Assert.Equal(0, await OpenSubscriptionsAsync(chat));

        await chat.TapAsync($"v1|sub|{multicultural}");
        await chat.UnfollowAsync();
        Assert.False(await CitizenAsync<bool>(chat, "following"));

        var back = await chat.FollowAgainAsync();
        Assert.Contains("Welcome back", Sent.Text(back));
        Assert.DoesNotContain("友だち追加", Sent.Text(back));
        Assert.Contains("Your earlier topics were removed", Sent.Text(await chat.TapAsync(Sent.Button(back, "v1|drop|"))));
        Assert.Equal(0, await OpenSubscriptionsAsync(chat));
        Assert.Equal("en", await CitizenAsync<string>(chat, "language"));

        LineChecks.AllValid(_host.Line);
    }

    [SkippableFact]
    public async Task Journey_InEasyJapanese_TextsAreEasyJapanese()
    {
        var chat = _host.Citizen("Ueasy00000000000000000000000001", "ja");
        await chat.FollowAsync();

        Assert.Contains("やさしい にほんご", Sent.Text(await chat.TapAsync("v1|lang|ja-easy")));
        var topics = await chat.SayAsync("とうろく");
        Assert.Contains("ボランティアの ぼしゅう", Sent.Shown(Sent.Bubbles(topics)[0]));
        Assert.Contains("とうろく する", Sent.Shown(Sent.Bubbles(topics)[0]));
        Assert.Equal("ja-easy", await CitizenAsync<string>(chat, "language"));

        LineChecks.AllValid(_host.Line);
    }

    private Task<long> TopicIdAsync(string slug) => _host.ScalarAsync<long>($"SELECT id FROM topics WHERE slug = '{slug}'");

    private Task<long> OpenSubscriptionsAsync(CitizenChat chat) =>
        _host.ScalarAsync<long>($"SELECT COUNT(*) FROM subscriptions WHERE user_id = '{chat.UserId}' AND ended_at IS NULL");

    private Task<T> CitizenAsync<T>(CitizenChat chat, string column) =>
        _host.ScalarAsync<T>($"SELECT {column} FROM citizens WHERE user_id = '{chat.UserId}'");
}

public sealed class ConversationScenarioTestsOnSqlite() : ConversationScenarioTests("Sqlite");

public sealed class ConversationScenarioTestsOnPostgres() : ConversationScenarioTests("Postgres");
