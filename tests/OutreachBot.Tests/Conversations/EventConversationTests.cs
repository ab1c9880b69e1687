using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.CivicEvents;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Conversations;

/// <summary>The events calendar: staff API, the upcoming-events carousel in Japan time, and remind me (リマインド).</summary>
public abstract class EventConversationTests(string provider) : IAsyncLifetime
{
    private ConversationHost _host = null!;

    public async Task InitializeAsync() => _host = await ConversationHost.StartAsync(provider);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [SkippableFact]
    public async Task EventsApi_InvalidEvent_ProblemPerFieldAndNothingStored()
    {
        using var api = _host.Bot.CreateApiClient();

        var response = await api.PostAsJsonAsync("/api/v1/events", new
        {
            titles = new Dictionary<string, string> { ["en"] = "Festival", ["xx"] = "?" },
            startsAt = "next Saturday",
            venue = "",
            imageUrl = "http://example.org/a.png",
        });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var unknownTopic = await api.PostAsJsonAsync("/api/v1/events", new { titles = new { ja = "祭り" }, startsAt = "2030-01-01T10:00:00", venue = "市民会館", topic = "no-such-topic" });
        using var anonymous = _host.Bot.CreateClient();
        var unauthorized = await anonymous.PostAsJsonAsync("/api/v1/events", new { titles = new { ja = "祭り" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("startsAt", out _));
        Assert.Equal(HttpStatusCode.BadRequest, unknownTopic.StatusCode);
        Assert.Contains("topic", await unknownTopic.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal(0, await _host.ScalarAsync<long>("SELECT COUNT(*) FROM civic_events"));
    }

    [SkippableFact]
    public async Task EventsApi_TimeWithoutOffset_ReadInJapanTimeStoredUtc()
    {
        using var api = _host.Bot.CreateApiClient();

        var created = await CreateAsync(api, new { titles = new { ja = "まちづくり講座", en = "Community seminar" }, startsAt = "2030-12-05T10:00:00", endsAt = "2030-12-05T12:00:00+09:00", venue = "市民活動センター 会議室A", url = "https://example.org/seminar", topic = "events" });
        var stored = await _host.ScalarAsync<long>($"SELECT starts_at FROM civic_events WHERE id = {created.GetProperty("id").GetInt64()}");
        var listed = await api.GetFromJsonAsync<JsonElement>("/api/v1/events");

        Assert.Equal(new DateTimeOffset(2030, 12, 5, 1, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), stored);
        Assert.Equal("2030-12-05T10:00:00+09:00", created.GetProperty("startsAt").GetString());
        Assert.Equal("events", created.GetProperty("topic").GetString());
        Assert.Equal("Community seminar", Assert.Single(listed.EnumerateArray()).GetProperty("titles").GetProperty("en").GetString());
        Assert.Single((await api.GetFromJsonAsync<JsonElement>("/api/v1/events?from=2030-12-05&to=2030-12-05")).EnumerateArray());
        Assert.Empty((await api.GetFromJsonAsync<JsonElement>("/api/v1/events?from=2030-12-06&to=2030-12-31")).EnumerateArray());
    }

    [SkippableFact]
    public async Task Events_Upcoming_CarouselInJapanTimeWithRemindMeStoredForBroadcasts()
    {
        using var api = _host.Bot.CreateApiClient();
        var soon = DateTimeOffset.UtcNow.AddDays(3);
        var day = new DateTimeOffset(soon.Year, soon.Month, soon.Day, 1, 0, 0, TimeSpan.Zero); // 10:00 in Tokyo
        var seminar = await CreateAsync(api, new { titles = new { ja = "NPO設立講座", en = "How to found an NPO" }, startsAt = day, endsAt = day.AddHours(2), venue = "市民活動センター", url = "https://example.org/npo", imageUrl = "https://example.org/npo.png", topic = "npo-news" });
        await CreateAsync(api, new { titles = new { ja = "防災訓練" }, startsAt = day.AddDays(1), venue = "中央公園", topic = "disaster" });
        await CreateAsync(api, new { titles = new { ja = "終わった祭り" }, startsAt = DateTimeOffset.UtcNow.AddDays(-2), venue = "駅前" });
        await CreateAsync(api, new { titles = new { ja = "中止の講座" }, startsAt = day, venue = "図書館", cancelled = true });
        var chat = _host.Citizen("Uevents00000000000000000000001");
        await chat.FollowAsync();

        var shown = await chat.SayAsync("イベント");
        var cards = Sent.Bubbles(shown);
        var when = TimeZoneInfo.ConvertTime(day, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        Assert.Equal(2, cards.Count);
        Assert.Contains("NPO設立講座", Sent.Shown(cards[0]));
        Assert.Contains($"{when.Month}月{when.Day}日", Sent.Shown(cards[0]));
        Assert.Contains("10:00〜12:00", Sent.Shown(cards[0]));
        Assert.Contains("会場：市民活動センター", Sent.Shown(cards[0]));
        Assert.Contains("分野：NPO・市民活動団体のお知らせ", Sent.Shown(cards[0]));
        Assert.Contains("詳しく見る", Sent.Shown(cards[0]));
        Assert.Equal("https://example.org/npo.png", cards[0].GetProperty("hero").GetProperty("url").GetString());
        Assert.Contains("防災訓練", Sent.Shown(cards[1]));

        var id = seminar.GetProperty("id").GetInt64();
        var reminded = await chat.TapAsync(Sent.Button(shown, $"v1|remind|{id}"));
        Assert.Contains("「NPO設立講座」の前日にリマインドをお送りします", Sent.Text(reminded));
        Assert.Contains("前日にお知らせします", Sent.Shown(Assert.Single(Sent.Bubbles(reminded))));
        await chat.TapAsync($"v1|remind|{id}");
        var reminders = _host.Bot.Services.GetRequiredService<EventReminderStore>();
        Assert.Equal(chat.UserId, Assert.Single(await reminders.PendingAsync(id, default)).UserId);
        Assert.Equal(1, (await api.GetFromJsonAsync<JsonElement>($"/api/v1/events/{id}")).GetProperty("reminders").GetInt64());

        Assert.Contains("リマインドを取り消しました", Sent.Text(await chat.TapAsync(Sent.Button(reminded, $"v1|unremind|{id}"))));
        Assert.Empty(await reminders.PendingAsync(id, default));
        LineChecks.AllValid(_host.Line);
    }

    [SkippableFact]
    public async Task Broadcasts_EventCreatedAndRemindTapped_ReminderScheduledForThoseWhoAskedUntilCancelled()
    {
        using var api = _host.Bot.CreateApiClient();
        var body = new { titles = new { ja = "防災訓練", en = "Disaster drill" }, startsAt = DateTimeOffset.UtcNow.AddDays(5), venue = "中央公園", url = "http://example.org/drill" };
        var id = (await CreateAsync(api, body)).GetProperty("id").GetInt64();
        var asked = _host.Citizen("Ubroadcastremind0000000000000001");
        var other = _host.Citizen("Ubroadcastremind0000000000000002");
        await asked.FollowAsync();
        await other.FollowAsync();
        await asked.TapAsync($"v1|remind|{id}");
        var calendar = _host.Bot.Services.GetRequiredService<OutreachBot.Broadcasts.ICivicEventCalendar>();
        var list = _host.Bot.Services.GetRequiredService<OutreachBot.Broadcasts.IEventReminderList>();

        Assert.Equal(1, await _host.ScalarAsync<long>($"SELECT COUNT(*) FROM broadcasts WHERE reminder_event_id = '{id}'"));
        var info = (await calendar.FindAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture), default))!;
        Assert.Equal("Disaster drill", info.Titles["en"]);
        Assert.Null(info.Url);
        Assert.Equal([asked.UserId], await list.StreamAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, default).Select(r => r.UserId).ToListAsync());

        var cancelled = await api.PutAsJsonAsync($"/api/v1/events/{id}", new { body.titles, body.startsAt, body.venue, cancelled = true });
        cancelled.EnsureSuccessStatusCode();
        Assert.Null(await calendar.FindAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture), default));
        Assert.Empty(await list.StreamAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, default).ToListAsync());
    }

    [SkippableFact]
    public async Task Events_InEnglish_SaysJapanTime()
    {
        using var api = _host.Bot.CreateApiClient();
        await CreateAsync(api, new { titles = new { ja = "国際交流パーティー", en = "International party" }, startsAt = DateTimeOffset.UtcNow.AddDays(5), venue = "International Center" });
        var chat = _host.Citizen("Ueventsen000000000000000000001", "en");
        await chat.FollowAsync();
        await chat.TapAsync("v1|lang|en");

        var card = Sent.Shown(Assert.Single(Sent.Bubbles(await chat.SayAsync("events"))));

        Assert.Contains("International party", card);
        Assert.Contains("(Japan time)", card);
        Assert.Contains("Remind me", card);
        LineChecks.AllValid(_host.Line);
    }

    [SkippableFact]
    public async Task Events_MoreThanAPage_NextPageCardLeadsOn()
    {
        using var api = _host.Bot.CreateApiClient();
        for (var i = 0; i < 12; i++)
        {
            await CreateAsync(api, new { titles = new { ja = $"講座{i:00}" }, startsAt = DateTimeOffset.UtcNow.AddDays(1 + i), venue = "センター" });
        }

        var chat = _host.Citizen("Upages00000000000000000000001");
        await chat.FollowAsync();

        var first = await chat.SayAsync("イベント");
        var second = await chat.TapAsync(Sent.Button(first, "v1|events|2"));

        Assert.Equal(11, Sent.Bubbles(first).Count);
        Assert.Contains("ほかに2件あります", Sent.Shown(Sent.Bubbles(first)[^1]));
        Assert.Equal(["講座10", "講座11"], Sent.Bubbles(second).Select(b => Sent.Shown(b).Split(" | ")[0]));
        LineChecks.AllValid(_host.Line);
    }

    [SkippableFact]
    public async Task Remind_EventOverOrCancelled_PoliteAnswerNothingStored()
    {
        using var api = _host.Bot.CreateApiClient();
        var past = await CreateAsync(api, new { titles = new { ja = "昨日の祭り" }, startsAt = DateTimeOffset.UtcNow.AddDays(-1), venue = "駅前" });
        var chat = _host.Citizen("Uremindpast000000000000000001");
        await chat.FollowAsync();

        Assert.Contains("終了したか、中止", Sent.Text(await chat.TapAsync($"v1|remind|{past.GetProperty("id").GetInt64()}")));
        Assert.Contains("終了したか、中止", Sent.Text(await chat.TapAsync("v1|remind|424242")));
        Assert.Equal(0, await _host.ScalarAsync<long>("SELECT COUNT(*) FROM event_reminders"));
        LineChecks.AllValid(_host.Line);
    }

    private static async Task<JsonElement> CreateAsync(HttpClient api, object body)
    {
        var response = await api.PostAsJsonAsync("/api/v1/events", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

public sealed class EventConversationTestsOnSqlite() : EventConversationTests("Sqlite");

public sealed class EventConversationTestsOnPostgres() : EventConversationTests("Postgres");
