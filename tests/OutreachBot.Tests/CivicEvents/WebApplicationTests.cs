using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OutreachBot.MailSubscribers;
using OutreachBot.Tests.MailSubscribers;
using OutreachBot.Tests.StaffConsole;

namespace OutreachBot.Tests.CivicEvents;

/// <summary>
/// Residents without LINE apply on the event's web page with an e-mail address, through the bot's HTTP pages and a real
/// SMTP server: nothing is held until the mail's link is confirmed, seats go in the order of confirmations, and the mail
/// that confirms carries a cancel link.
/// </summary>
public abstract class WebApplicationTests(string provider, MailServerFixture mail)
    : SubscribeHost(provider, mail, new Dictionary<string, string?> { ["MailSubscribers:SubscribesPerIpPerHour"] = "3" })
{
    [SkippableFact]
    public async Task Apply_FormThenTheMailsLink_SeatTakenOnlyAtConfirmation_OnceWithACancelLink()
    {
        var id = await CreateAsync(ApplicationChatTests.Seminar(capacity: 2, maxPartySize: 2, questions: true));
        using var resident = Resident();
        Assert.Contains($"href=\"/events/{id}/apply\"", await resident.GetPageAsync($"/events/{id}"));

        using var form = await ApplyAsync(resident, id, "hanako@example.jp", party: "2", answers: ["1", "3", "駐車場はありますか"]);

        Assert.Contains("data-testid=\"check-mail\"", await BodyAsync(form, HttpStatusCode.OK));
        Assert.Equal(0L, await Database.ScalarAsync<long>($"SELECT seats_taken FROM civic_events WHERE id = {id}"));
        var confirmation = Assert.Single(await MailsToAsync("hanako@example.jp"));
        Assert.Equal("【確認】「とみさと協働塾」への申し込み", confirmation.Subject);
        var confirm = LinkIn(confirmation, $"/events/{id}/apply/confirm");
        Assert.Contains("申し込みを確定する", await BodyAsync(await resident.Client.GetAsync(confirm), HttpStatusCode.OK));
        Assert.Equal(0L, await Database.ScalarAsync<long>($"SELECT COUNT(*) FROM event_applications WHERE event_id = {id}"));

        using var confirmed = await PostWithTokenAsync(resident, confirm, []);
        using var again = await PostWithTokenAsync(resident, confirm, []);

        Assert.Contains("申込番号：1", await BodyAsync(confirmed, HttpStatusCode.OK));
        Assert.Contains("申込番号：1", await BodyAsync(again, HttpStatusCode.OK));
        Assert.Equal(2L, await Database.ScalarAsync<long>($"SELECT seats_taken FROM civic_events WHERE id = {id}"));
        using var api = Bot.CreateApiClient();
        var application = Assert.Single((await api.GetFromJsonAsync<JsonElement>($"/api/v1/events/{id}/applications")).EnumerateArray());
        Assert.Equal("web", application.GetProperty("channel").GetString());
        Assert.Equal("七栄 花子", application.GetProperty("name").GetString());
        Assert.Equal(["オンライン", "3", "駐車場はありますか"], application.GetProperty("answers").EnumerateArray().Select(a => a.GetString()));
        var mails = await MailsToAsync("hanako@example.jp", count: 2);
        var applied = Assert.Single(mails, m => m.Subject?.StartsWith("【申込番号 1】", StringComparison.Ordinal) == true);
        Assert.Equal(2, mails.Count);

        var cancel = LinkIn(applied, $"/events/{id}/apply/cancel");
        Assert.Contains("申し込みを取り消す", await BodyAsync(await resident.Client.GetAsync(cancel), HttpStatusCode.OK));
        using var cancelled = await PostWithTokenAsync(resident, cancel, []);

        Assert.Contains("申し込み（申込番号 1）を取り消しました。", await BodyAsync(cancelled, HttpStatusCode.OK));
        Assert.Equal(0L, await Database.ScalarAsync<long>($"SELECT seats_taken FROM civic_events WHERE id = {id}"));
    }

    [SkippableFact]
    public async Task TwoResidents_TheLaterFormConfirmedFirst_TakesTheSeat()
    {
        var id = await CreateAsync(ApplicationChatTests.Seminar(capacity: 1));
        using var first = Resident("203.0.113.10");
        using var second = Resident("203.0.113.11");
        using var _ = await ApplyAsync(first, id, "first@example.jp");
        using var __ = await ApplyAsync(second, id, "second@example.jp", language: "en");

        using var secondConfirms = await PostWithTokenAsync(second, LinkIn(Assert.Single(await MailsToAsync("second@example.jp")), $"/events/{id}/apply/confirm"), []);
        using var firstConfirms = await PostWithTokenAsync(first, LinkIn(Assert.Single(await MailsToAsync("first@example.jp")), $"/events/{id}/apply/confirm"), []);

        Assert.Contains("Application no.: 1", await BodyAsync(secondConfirms, HttpStatusCode.OK));
        Assert.Contains("申込番号：2（キャンセル待ち1番目）", await BodyAsync(firstConfirms, HttpStatusCode.OK));
    }

    [SkippableFact]
    public async Task Form_Mistakes400PerField_ClosedEvent409_AndLimitsPerAddressAndPerClient()
    {
        var id = await CreateAsync(ApplicationChatTests.Seminar(capacity: 5, questions: true));
        var closed = await CreateAsync(new { titles = new { ja = "夏祭り" }, startsAt = "2030-08-01T18:00:00", venue = "中央公園" });
        using var resident = Resident("203.0.113.20");

        using var wrong = await ApplyAsync(resident, id, "not-an-address", name: "", party: "3", answers: ["7", "many", ""]);
        var token = await resident.TokenAsync($"/events/{id}/apply");
        using var none = await resident.Client.PostAsync($"/events/{closed}/apply", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Address"] = "ok@example.jp", ["Name"] = "七栄 花子", ["PartySize"] = "1", ["__RequestVerificationToken"] = token,
        }));
        var page = await BodyAsync(wrong, HttpStatusCode.BadRequest);
        foreach (var field in new[] { "e-address", "e-name", "e-party", "e-q0", "e-q1", "e-q2" })
        {
            Assert.Contains($"id=\"{field}\"", page);
        }

        Assert.Contains("この行事は今、申し込みを受け付けていません。", await BodyAsync(none, HttpStatusCode.Conflict));
        Assert.Contains("data-testid=\"closed\"", await resident.GetPageAsync($"/events/{closed}/apply"));
        Assert.DoesNotContain("/apply\"", await resident.GetPageAsync($"/events/{closed}"));

        using var once = await ApplyAsync(resident, id, "twice@example.jp", answers: ["0", "1", "a"]);
        using var twice = await ApplyAsync(resident, id, "twice@example.jp", answers: ["0", "1", "a"]);
        using var third = await ApplyAsync(resident, id, "third@example.jp", answers: ["0", "1", "a"]);
        using var fourth = await ApplyAsync(resident, id, "fourth@example.jp", answers: ["0", "1", "a"]);

        Assert.All([once, twice, third, fourth], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(await MailsToAsync("twice@example.jp", count: 2));
        Assert.Empty(await MailsToAsync("fourth@example.jp"));
    }

    [SkippableTheory]
    [InlineData("confirm", "forged")]
    [InlineData("confirm", "cancel-token")]
    [InlineData("confirm", "other-event")]
    [InlineData("confirm", "expired")]
    [InlineData("cancel", "confirm-token")]
    public async Task Links_ForgedExpiredOrForAnotherEvent_400SayingWhatToDo(string page, string link)
    {
        var id = await CreateAsync(ApplicationChatTests.Seminar(capacity: 5));
        var other = await CreateAsync(ApplicationChatTests.Seminar(capacity: 5));
        using var resident = Resident();
        using var _ = await ApplyAsync(resident, id, $"{page}-{link}@example.jp");
        var request = await Database.ScalarAsync<long>("SELECT MAX(id) FROM event_web_requests");
        var protection = Bot.Services.GetRequiredService<IDataProtectionProvider>();
        var token = link switch
        {
            "forged" => "CfDJ8forged",
            "cancel-token" => Tokens(protection, TimeProvider.System).Create(SubscriberTokenPurpose.ApplicationCancel, request, 0),
            "expired" => Tokens(protection, new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-49))).Create(SubscriberTokenPurpose.ApplicationConfirm, request, 0),
            _ => Tokens(protection, TimeProvider.System).Create(SubscriberTokenPurpose.ApplicationConfirm, request, 0),
        };

        using var response = await resident.Client.GetAsync($"/events/{(link == "other-event" ? other : id)}/apply/{page}?t={token}");

        var body = await BodyAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(link == "expired" ? "有効期限（48時間）が過ぎています" : "このリンクは正しくないか、もう使えません", body);
        Assert.Equal(0L, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM event_applications"));
    }

    private static SubscriberTokens Tokens(IDataProtectionProvider protection, TimeProvider time) => new(protection, time);

    private async Task<long> CreateAsync(object body)
    {
        using var api = Bot.CreateApiClient();
        return await ApplicationChatTests.CreateAsync(api, body);
    }

    private static Task<HttpResponseMessage> ApplyAsync(
        ConsoleSession resident, long eventId, string address, string name = "七栄 花子", string party = "1", string language = "ja", params string[] answers)
    {
        var fields = new List<KeyValuePair<string, string>> { new("Address", address), new("Name", name), new("PartySize", party) };
        fields.AddRange(answers.Select((a, i) => new KeyValuePair<string, string>($"Answers[{i}]", a)));
        return PostWithTokenAsync(resident, $"/events/{eventId}/apply" + (language == "ja" ? "" : $"?lang={language}"), fields);
    }
}

public sealed class WebApplicationTestsOnSqlite(MailServerFixture mail) : WebApplicationTests("Sqlite", mail), IClassFixture<MailServerFixture>;

public sealed class WebApplicationTestsOnPostgres(MailServerFixture mail) : WebApplicationTests("Postgres", mail), IClassFixture<MailServerFixture>;
