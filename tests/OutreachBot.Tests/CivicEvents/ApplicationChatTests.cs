using System.Net.Http.Json;
using System.Text.Json;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.CivicEvents;

/// <summary>Applying through the chat as the citizen taps: questions, summary, number, waiting list, cancelling, forged taps.</summary>
public abstract class ApplicationChatTests(string provider) : IAsyncLifetime
{
    private ConversationHost _host = null!;

    public async Task InitializeAsync() => _host = await ConversationHost.StartAsync(provider);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static object Seminar(int capacity, int maxPartySize = 1, bool questions = false) => new
    {
        titles = new { ja = "とみさと協働塾", en = "Co-op school" },
        startsAt = DateTimeOffset.UtcNow.AddDays(5).ToString("yyyy-MM-ddT10:00:00", System.Globalization.CultureInfo.InvariantCulture),
        venue = "市民活動センター",
        venues = new { en = "Civic Activity Center" },
        fee = "無料",
        location = new { latitude = 35.7267, longitude = 140.3431 },
        capacity,
        maxPartySize,
        questions = questions
            ? new object[]
            {
                new { kind = "choice", texts = new { ja = "参加方法", en = "How will you join?" }, choices = new[] { new { ja = "会場", en = "On site" }, new { ja = "オンライン", en = "Online" } } },
                new { kind = "number", texts = new { ja = "お子さんの人数", en = "Children" } },
                new { kind = "text", texts = new { ja = "ご質問", en = "Questions" } },
            }
            : [],
    };

    public static async Task<long> CreateAsync(HttpClient api, object body)
    {
        using var created = await api.PostAsJsonAsync("/api/v1/events", body);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    [SkippableFact]
    public async Task Apply_PartyAndQuestionsWithBack_SummaryThenNumberSeatAndReminder()
    {
        using var api = _host.Bot.CreateApiClient();
        var id = await CreateAsync(api, Seminar(capacity: 3, maxPartySize: 2, questions: true));
        var chat = _host.Citizen("Uapplychat0000000000000000000001");
        await chat.FollowAsync();

        var cards = await chat.SayAsync("イベント");
        Assert.Contains("申し込む（残り3席）", Sent.Shown(Assert.Single(Sent.Bubbles(cards))));
        Assert.Contains("参加費：無料", Sent.Shown(Assert.Single(Sent.Bubbles(cards))));
        var party = await chat.TapAsync(Sent.Button(cards, $"v1|apply|{id}"));
        Assert.Contains("何人で参加しますか", Sent.Text(party));
        Assert.Equal(["1人", "2人", "戻る", "やめる"], Sent.Buttons(party).Select(b => b.Label));
        var choice = await chat.TapAsync(Sent.Button(party, $"v1|party|{id}.2"));
        Assert.Contains("参加方法", Sent.Text(choice));
        var number = await chat.TapAsync(Sent.Button(choice, $"v1|pick|{id}.0.1"));
        Assert.Contains("数字で答えてください", Sent.Text(number));
        var text = await chat.SayAsync("３");
        Assert.Contains("ご質問", Sent.Text(text));
        var back = await chat.TapAsync(Sent.Button(text, $"v1|back|{id}"));
        Assert.Contains("お子さんの人数", Sent.Text(back));
        Assert.Contains("答えを読み取れませんでした", Sent.Text(await chat.SayAsync("たくさん")));
        await chat.SayAsync("2");
        var summary = await chat.SayAsync("駐車場はありますか");
        Assert.Contains("人数：2人", Sent.Text(summary));
        Assert.Contains("参加方法：オンライン", Sent.Text(summary));
        Assert.Contains("お子さんの人数：2", Sent.Text(summary));
        Assert.Equal(0L, await _host.ScalarAsync<long>("SELECT COUNT(*) FROM event_applications"));

        var confirmed = await chat.TapAsync(Sent.Button(summary, $"v1|apply-yes|{id}"));
        var doubleTap = await chat.TapAsync($"v1|apply-yes|{id}");

        Assert.Contains("申し込みが完了しました", Sent.Text(confirmed));
        Assert.Contains("申込番号：1", Sent.Text(confirmed));
        Assert.Contains("もう申し込んでいます（申込番号：1）", Sent.Text(doubleTap));
        Assert.Equal(1L, await _host.ScalarAsync<long>("SELECT COUNT(*) FROM event_applications"));
        Assert.Equal(2L, await _host.ScalarAsync<long>($"SELECT seats_taken FROM civic_events WHERE id = {id}"));
        Assert.Equal(["オンライン", "2", "駐車場はありますか"], JsonSerializer.Deserialize<string[]>(await _host.ScalarAsync<string>("SELECT answers FROM event_applications"))!);
        Assert.Equal(1L, await _host.ScalarAsync<long>($"SELECT COUNT(*) FROM event_reminders WHERE event_id = {id} AND user_id = '{chat.UserId}' AND cancelled_at IS NULL"));
        Assert.Contains("申し込み済み（番号 1）", Sent.Shown(Assert.Single(Sent.Bubbles(await chat.SayAsync("イベント")))));
    }

    [SkippableFact]
    public async Task Apply_Full_WaitingListWithPositionAndACancelledSeatMovesItUp()
    {
        using var api = _host.Bot.CreateApiClient();
        var id = await CreateAsync(api, Seminar(capacity: 1));
        var first = _host.Citizen("Uapplyfirst000000000000000000001");
        var second = _host.Citizen("Uapplysecond00000000000000000001");
        await first.FollowAsync();
        await second.FollowAsync();
        await first.TapAsync($"v1|apply|{id}");
        await first.TapAsync($"v1|apply-yes|{id}");

        var cards = await second.SayAsync("イベント");
        Assert.Contains("キャンセル待ちに申し込む", Sent.Shown(Assert.Single(Sent.Bubbles(cards))));
        var summary = await second.TapAsync(Sent.Button(cards, $"v1|apply|{id}"));
        Assert.Contains("いまは満席です", Sent.Text(summary));
        Assert.Contains(("キャンセル待ちに登録", $"v1|apply-yes|{id}"), Sent.Buttons(summary));
        var waiting = await second.TapAsync($"v1|apply-yes|{id}");
        Assert.Contains("いま1番目です", Sent.Text(waiting));

        var mine = await first.TapAsync("v1|apps");
        Assert.Contains("申し込み済み・1人（番号 1）", Sent.Shown(Assert.Single(Sent.Bubbles(mine))));
        var ask = await first.TapAsync(Sent.Button(mine, $"v1|unapply|{id}.1"));
        Assert.Contains(("取り消さない", "v1|apps"), Sent.Buttons(ask));
        var cancelled = await first.TapAsync(Sent.Button(ask, $"v1|unapply-yes|{id}.1"));

        Assert.Contains("申し込み（番号 1）を取り消しました", Sent.Text(cancelled));
        Assert.Equal("confirmed", await _host.ScalarAsync<string>($"SELECT status FROM event_applications WHERE event_id = {id} AND number = 2"));
        Assert.Contains("いま申し込んでいるイベントはありません", Sent.Text(await first.TapAsync("v1|apps")));
        Assert.Contains("申し込み済み・1人（番号 2）", Sent.Shown(Assert.Single(Sent.Bubbles(await second.TapAsync("v1|apps")))));
    }

    [SkippableFact]
    public async Task ForgedOrReplayedTaps_ChangeNothingAndGetAPoliteAnswer()
    {
        using var api = _host.Bot.CreateApiClient();
        var id = await CreateAsync(api, Seminar(capacity: 5));
        var none = await CreateAsync(api, new { titles = new { ja = "申し込みなし" }, startsAt = "2030-01-01T10:00:00", venue = "公民館" });
        var owner = _host.Citizen("Uforgeowner000000000000000000001");
        var other = _host.Citizen("Uforgeother000000000000000000001");
        await owner.FollowAsync();
        await other.FollowAsync();
        await owner.TapAsync($"v1|apply|{id}");
        await owner.TapAsync($"v1|apply-yes|{id}");

        Assert.Contains("見つかりませんでした", Sent.Text(await other.TapAsync($"v1|unapply-yes|{id}.1")));
        Assert.Contains("見つかりませんでした", Sent.Text(await other.TapAsync($"v1|unapply|{id}.1")));
        Assert.Contains("手続きは終わっています", Sent.Text(await other.TapAsync($"v1|apply-yes|{id}")));
        Assert.Contains("受け付けていません", Sent.Text(await other.TapAsync($"v1|apply|{none}")));
        Assert.Contains("受け付けていません", Sent.Text(await other.TapAsync("v1|apply|424242")));
        await owner.TapAsync($"v1|unapply-yes|{id}.1");
        Assert.Contains("もう取り消されています", Sent.Text(await owner.TapAsync($"v1|unapply-yes|{id}.1")));
        Assert.Equal("cancelled", await _host.ScalarAsync<string>($"SELECT status FROM event_applications WHERE event_id = {id}"));
        Assert.Equal(1L, await _host.ScalarAsync<long>($"SELECT COUNT(*) FROM event_applications WHERE event_id = {id}"));
        Assert.Equal(0L, await _host.ScalarAsync<long>($"SELECT seats_taken FROM civic_events WHERE id = {id}"));
    }

    [SkippableFact]
    public async Task Confirm_HundredTapsWithinASecondForTwentySeats_TwentyConfirmedEightyWaitingAndEveryoneAnswered()
    {
        using var api = _host.Bot.CreateApiClient();
        var id = await CreateAsync(api, Seminar(capacity: 20));
        var citizens = Enumerable.Range(0, 100).Select(i => $"Urace{i:x27}").ToList();
        foreach (var citizen in citizens)
        {
            await _host.Citizen(citizen).FollowAsync();
        }

        Func<string, Task<HttpResponseMessage>>[] bot = [body => _host.Bot.PostWebhookAsync(body)];
        Task<long> Pending() => _host.ScalarAsync<long>("SELECT COUNT(*) FROM inbox_events WHERE state NOT IN ('done', 'skipped')");
        await ApplicationRace.TapAllAsync(_host.Line, citizens, $"v1|apply|{id}", bot);
        await ApplicationRace.DrainAsync(Pending, TimeSpan.FromSeconds(60));
        await ApplicationRace.TapAllAsync(_host.Line, citizens, $"v1|apply-yes|{id}", bot);
        await ApplicationRace.DrainAsync(Pending, TimeSpan.FromSeconds(60));

        Assert.Equal(20L, await _host.ScalarAsync<long>($"SELECT COUNT(*) FROM event_applications WHERE event_id = {id} AND status = 'confirmed' AND number <= 20"));
        Assert.Equal(80L, await _host.ScalarAsync<long>($"SELECT COUNT(*) FROM event_applications WHERE event_id = {id} AND status = 'waiting' AND number > 20"));
        Assert.Equal(20L, await _host.ScalarAsync<long>($"SELECT seats_taken FROM civic_events WHERE id = {id}"));
        Assert.All(citizens, c => Assert.Contains(_host.Line.Transcript.For(c), line => line.Content.TryGetProperty("text", out var text) && text.GetString()!.Contains("申込番号", StringComparison.Ordinal)));
    }

    [SkippableFact]
    public async Task Map_OnTheCard_SentAsALineLocationMessage()
    {
        using var api = _host.Bot.CreateApiClient();
        var id = await CreateAsync(api, Seminar(capacity: 5));
        var chat = _host.Citizen("Umapchat000000000000000000000001");
        await chat.FollowAsync();

        var cards = await chat.SayAsync("イベント");
        var map = await chat.TapAsync(Sent.Button(cards, $"v1|map|{id}"));

        var location = Assert.Single(map, l => Sent.Type(l.Content) == "location").Content;
        Assert.Equal("市民活動センター", location.GetProperty("title").GetString());
        Assert.Equal(140.3431, location.GetProperty("longitude").GetDouble());
        LineChecks.AllValid(_host.Line);
    }

    [SkippableFact]
    public async Task Quit_TypedMidway_NothingStoredAndTextGoesToStaffAgain()
    {
        using var api = _host.Bot.CreateApiClient();
        var id = await CreateAsync(api, Seminar(capacity: 5, questions: true));
        var chat = _host.Citizen("Uquitchat00000000000000000000001");
        await chat.FollowAsync();
        await chat.TapAsync($"v1|apply|{id}");

        var quit = await chat.SayAsync("やめる");
        await chat.SayAsync("駐車場の場所を教えてください");

        Assert.Contains("申し込みをやめました", Sent.Text(quit));
        Assert.Equal(0L, await _host.ScalarAsync<long>("SELECT COUNT(*) FROM event_applications"));
        Assert.Equal(0L, await _host.ScalarAsync<long>("SELECT COUNT(*) FROM application_drafts"));
        Assert.Equal(1L, await _host.ScalarAsync<long>("SELECT COUNT(*) FROM consultations"));
    }

    [SkippableFact]
    public async Task Apply_InEnglish_ButtonsQuestionsAndAnswersInTheCitizensLanguage()
    {
        using var api = _host.Bot.CreateApiClient();
        var id = await CreateAsync(api, Seminar(capacity: 4, maxPartySize: 2, questions: true));
        var chat = _host.Citizen("Uapplyen000000000000000000000001", "en");
        await chat.FollowAsync();
        await chat.TapAsync("v1|lang|en");

        var cards = await chat.TapAsync("v1|events|1");
        Assert.Contains("Apply (4 seats left)", Sent.Shown(Assert.Single(Sent.Bubbles(cards))));
        Assert.Contains("Venue: Civic Activity Center", Sent.Shown(Assert.Single(Sent.Bubbles(cards))));
        var party = await chat.TapAsync($"v1|apply|{id}");
        Assert.Contains("How many people", Sent.Text(party));
        var choice = await chat.TapAsync($"v1|party|{id}.1");
        Assert.Equal(["On site", "Online", "Back", "Stop"], Sent.Buttons(choice).Select(b => b.Label));
        await chat.SayAsync("online");
        await chat.SayAsync("0");
        var summary = await chat.SayAsync("none");
        Assert.Contains("How will you join?: Online", Sent.Text(summary));
        var confirmed = await chat.TapAsync($"v1|apply-yes|{id}");
        Assert.Contains("Application no.: 1", Sent.Text(confirmed));
        Assert.Equal(["オンライン", "0", "none"], JsonSerializer.Deserialize<string[]>(await _host.ScalarAsync<string>("SELECT answers FROM event_applications"))!);
    }
}

public sealed class ApplicationChatTestsOnSqlite() : ApplicationChatTests("Sqlite");

public sealed class ApplicationChatTestsOnPostgres() : ApplicationChatTests("Postgres");
