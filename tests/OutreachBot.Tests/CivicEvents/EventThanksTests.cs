using Microsoft.Extensions.DependencyInjection;
using OutreachBot.CivicEvents.Applications;
using OutreachBot.LineEmulator.State;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.CivicEvents;

/// <summary>
/// The day after an event: confirmed applicants are thanked once, in their language, with a one-tap 1-5 rating and an
/// optional comment; forged and repeated rating taps change nothing.
/// </summary>
public abstract class EventThanksTests(string provider) : IAsyncLifetime
{
    private ConversationHost _host = null!;

    public async Task InitializeAsync() => _host = await ConversationHost.StartAsync(provider, Applicants.NoticesAtOnce);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [SkippableFact]
    public async Task DayAfter_ConfirmedApplicantsThankedInTheirLanguage_RateOnceThenComment()
    {
        using var api = _host.Bot.CreateApiClient();
        var id = await ApplicationChatTests.CreateAsync(api, ApplicationChatTests.Seminar(capacity: 5));
        var hana = await AppliedAsync("Uthanksja000000000000000000000001", id);
        var tom = await AppliedAsync("Uthanksen000000000000000000000001", id, "en");
        var gone = await AppliedAsync("Uthankscancel0000000000000000001", id);
        await gone.TapAsync($"v1|unapply-yes|{id}.3");

        await HeldYesterdayAsync(id);

        var thanks = await ThanksAsync(hana);
        Assert.Contains("「とみさと協働塾」にご参加いただき、ありがとうございました。", Sent.Text(thanks));
        Assert.Equal(["★1", "★2", "★3", "★4", "★5"], Sent.Buttons(thanks).Select(b => b.Label));
        Assert.Contains("Thank you for taking part in \"Co-op school\"", Sent.Text(await ThanksAsync(tom)));

        // The thanks came by push since hana's last tap, so her next tap's lines begin with it: the answer is the last.
        var rated = (await hana.TapAsync(Sent.Button(thanks, $"v1|rate|{id}.1.4"))).TakeLast(1).ToList();
        Assert.Contains("評価（★4）をありがとうございます", Sent.Text(rated));
        Assert.Equal(["コメントを書く", "終わる"], Sent.Buttons(rated).Select(b => b.Label));
        var prompt = await hana.TapAsync(Sent.Button(rated, $"v1|comment|{id}.1"));
        Assert.Contains("ご感想を1通のメッセージで送ってください", Sent.Text(prompt));
        Assert.Equal(["戻る", "やめる"], Sent.Buttons(prompt).Select(b => b.Label));
        var back = await hana.TapAsync(Sent.Button(prompt, $"v1|comment-back|{id}.1"));
        Assert.Contains("評価（★4）", Sent.Text(back));
        await hana.TapAsync(Sent.Button(back, $"v1|comment|{id}.1"));
        var commented = await hana.SayAsync("駐車場が広くて助かりました");
        var again = await hana.TapAsync($"v1|rate|{id}.1.1");

        Assert.Contains("ご感想をありがとうございました", Sent.Text(commented));
        Assert.Contains("この行事の評価はもういただいています（★4）", Sent.Text(again));
        Assert.Equal(4L, await _host.ScalarAsync<long>($"SELECT rating FROM event_applications WHERE event_id = {id} AND number = 1"));
        Assert.Equal("駐車場が広くて助かりました", await _host.ScalarAsync<string>($"SELECT comment FROM event_applications WHERE event_id = {id} AND number = 1"));
        Assert.Equal(0L, await _host.ScalarAsync<long>("SELECT COUNT(*) FROM consultations"));
        Assert.Empty(ThanksTo(gone));
    }

    [SkippableFact]
    public async Task ForgedRatings_SomeoneElsesEventWithoutApplicationsOrNotYetThanked_ChangeNothing()
    {
        using var api = _host.Bot.CreateApiClient();
        var id = await ApplicationChatTests.CreateAsync(api, ApplicationChatTests.Seminar(capacity: 5));
        var upcoming = await ApplicationChatTests.CreateAsync(api, ApplicationChatTests.Seminar(capacity: 5));
        var plain = await ApplicationChatTests.CreateAsync(api, new { titles = new { ja = "夏祭り" }, startsAt = "2030-08-01T18:00:00", venue = "中央公園" });
        var hana = await AppliedAsync("Uthanksforgeda00000000000000001", id);
        var tom = await AppliedAsync("Uthanksforgedb00000000000000001", id);
        await tom.TapAsync($"v1|apply|{upcoming}");
        await tom.TapAsync($"v1|apply-yes|{upcoming}");
        await HeldYesterdayAsync(id);
        await ThanksAsync(hana);

        var someoneElses = await tom.TapAsync($"v1|rate|{id}.1.1");
        var notThanked = await tom.TapAsync($"v1|rate|{upcoming}.1.5");
        var noApplications = await tom.TapAsync($"v1|rate|{plain}.1.5");
        var outOfRange = await hana.TapAsync($"v1|rate|{id}.1.9");
        var commentOnUnrated = await hana.TapAsync($"v1|comment|{id}.1");

        Assert.All(
            [someoneElses, notThanked, noApplications, outOfRange, commentOnUnrated],
            answer => Assert.Contains("このボタンは使えません", Sent.Text(answer)));
        Assert.Equal(0L, await _host.ScalarAsync<long>("SELECT COUNT(*) FROM event_applications WHERE rating IS NOT NULL OR comment_until IS NOT NULL"));
    }

    [SkippableFact]
    public async Task Thanks_SentOnceAcrossRestarts_OnlyToAttendeesOnceTheDoorMarkedAny_AndCountsAgainstTheQuota()
    {
        using var api = _host.Bot.CreateApiClient();
        var id = await ApplicationChatTests.CreateAsync(api, ApplicationChatTests.Seminar(capacity: 5));
        var came = await AppliedAsync("Uthanksattended00000000000000001", id);
        var noShow = await AppliedAsync("Uthanksnoshow0000000000000000001", id);
        using var marked = await api.PostAsync($"/api/v1/events/{id}/applications/1/attended", null);
        Assert.True(marked.IsSuccessStatusCode);
        var quotaBefore = _host.Line.Quota.Used;

        await HeldYesterdayAsync(id);
        await ThanksAsync(came);
        await _host.RestartAsync(new Dictionary<string, string?>(Applicants.NoticesAtOnce) { ["Events:NoticePollInterval"] = "01:00:00" });
        var sentAfterRestart = await _host.Bot.Services.GetRequiredService<NoticeSender>().SendDueAsync(default);

        Assert.Equal(0, sentAfterRestart);
        Assert.Single(ThanksTo(came));
        Assert.Empty(ThanksTo(noShow));
        Assert.Equal(1L, await _host.ScalarAsync<long>($"SELECT COUNT(*) FROM event_notices WHERE event_id = {id} AND kind = 'thanks'"));
        Assert.Equal(quotaBefore + 1, _host.Line.Quota.Used);
    }

    [SkippableFact]
    public async Task QuietHours_ThanksWrittenButHeldUntilTheyEnd()
    {
        using var api = _host.Bot.CreateApiClient();
        var id = await ApplicationChatTests.CreateAsync(api, ApplicationChatTests.Seminar(capacity: 5));
        var hana = await AppliedAsync("Uthanksquiet000000000000000000001", id);
        await _host.RestartAsync(new Dictionary<string, string?>
        {
            ["Events:NoticePollInterval"] = "01:00:00",
            ["Broadcasts:QuietHoursStart"] = "00:00",
            ["Broadcasts:QuietHoursEnd"] = "23:59",
        });
        await HeldYesterdayAsync(id);

        var sent = await _host.Bot.Services.GetRequiredService<NoticeSender>().SendDueAsync(default);

        Assert.Equal(0, sent);
        Assert.Equal(1L, await _host.ScalarAsync<long>($"SELECT COUNT(*) FROM event_notices WHERE event_id = {id} AND kind = 'thanks' AND sent_at IS NULL"));
        Assert.Empty(ThanksTo(hana));
    }

    private Task<CitizenChat> AppliedAsync(string userId, long eventId, string language = "ja") => Applicants.AppliedAsync(_host, userId, eventId, language);

    private Task HeldYesterdayAsync(long id) => Applicants.HeldYesterdayAsync(_host, id);

    private static List<ChatLine> ThanksTo(CitizenChat chat) => Applicants.ThanksTo(chat);

    private static Task<IReadOnlyList<ChatLine>> ThanksAsync(CitizenChat chat) => Applicants.ThanksAsync(chat);
}

public sealed class EventThanksTestsOnSqlite() : EventThanksTests("Sqlite");

public sealed class EventThanksTestsOnPostgres() : EventThanksTests("Postgres");
