using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.CivicEvents.Applications;
using OutreachBot.LineEmulator.Hosting;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.CivicEvents;

/// <summary>Pushes to applicants: moved up (繰り上げ), event cancelled, event moved; in their language, within quota and quiet hours.</summary>
public abstract class ApplicantNoticeTests(string provider) : IAsyncLifetime
{
    private ConversationHost _host = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [SkippableFact]
    public async Task Cancel_ASeat_TheFirstWaitingCitizenIsToldByPushInTheirLanguage()
    {
        _host = await ConversationHost.StartAsync(provider, Applicants.NoticesAtOnce);
        using var api = _host.Bot.CreateApiClient();
        var id = await ApplicationChatTests.CreateAsync(api, ApplicationChatTests.Seminar(capacity: 1));
        var first = await AppliedAsync("Unoticefirst00000000000000000001", id);
        var second = await AppliedAsync("Unoticesecond0000000000000000001", id, "en");

        await first.TapAsync($"v1|unapply-yes|{id}.1");

        var push = await PushedAsync(second.UserId, "[Moved up]");
        Assert.Contains("Co-op school", push);
        Assert.Contains("Application no.: 2", push);
        Assert.DoesNotContain(PushesTo(first.UserId), p => p.Contains("繰り上げ", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task EventCancelled_ConfirmedAndWaitingToldAndWithdrawn_EventMovedApplicantsTold()
    {
        _host = await ConversationHost.StartAsync(provider, Applicants.NoticesAtOnce);
        using var api = _host.Bot.CreateApiClient();
        var cancelled = await ApplicationChatTests.CreateAsync(api, ApplicationChatTests.Seminar(capacity: 1));
        var moved = await ApplicationChatTests.CreateAsync(api, ApplicationChatTests.Seminar(capacity: 5));
        var confirmed = await AppliedAsync("Unoticeconfirm000000000000000001", cancelled);
        var waiting = await AppliedAsync("Unoticewaiting000000000000000001", cancelled, "vi");
        await confirmed.TapAsync($"v1|apply|{moved}");
        await confirmed.TapAsync($"v1|apply-yes|{moved}");

        using var cancel = await api.PutAsJsonAsync($"/api/v1/events/{cancelled}", new { titles = new { ja = "とみさと協働塾" }, startsAt = "2030-12-05T10:00:00", venue = "市民活動センター", capacity = 1, cancelled = true });
        using var move = await api.PutAsJsonAsync($"/api/v1/events/{moved}", new { titles = new { ja = "とみさと協働塾" }, startsAt = "2030-12-06T14:00:00", venue = "市役所 第1会議室", capacity = 5 });

        Assert.True(cancel.IsSuccessStatusCode && move.IsSuccessStatusCode);
        Assert.Contains("【中止】「とみさと協働塾」", await PushedAsync(confirmed.UserId, "【中止】"));
        Assert.Contains("[Đã hủy]", await PushedAsync(waiting.UserId, "[Đã hủy]"));
        var movedPush = await PushedAsync(confirmed.UserId, "【変更】");
        Assert.Contains("14:00", movedPush);
        Assert.Contains("市役所 第1会議室", movedPush);
        Assert.Equal(0L, await _host.ScalarAsync<long>($"SELECT COUNT(*) FROM event_applications WHERE event_id = {cancelled} AND status <> 'cancelled'"));
    }

    [SkippableFact]
    public async Task EventCancelled_WhenItsApplicantsCannotBeOwedTheirNotice_NothingIsStoredUntilTheyCanBe()
    {
        _host = await ConversationHost.StartAsync(provider, Applicants.NoticesAtOnce);
        using var api = _host.Bot.CreateApiClient();
        var id = await ApplicationChatTests.CreateAsync(api, ApplicationChatTests.Seminar(capacity: 3));
        var applicant = await AppliedAsync("Unoticeatomic0000000000000000001", id);
        await Faults.BreakWritesAsync(_host.Database, "event_notices", "INSERT");

        using var refused = await api.PutAsJsonAsync($"/api/v1/events/{id}", new { titles = new { ja = "とみさと協働塾" }, startsAt = "2030-12-05T10:00:00", venue = "市民活動センター", capacity = 3, cancelled = true });

        Assert.False(refused.IsSuccessStatusCode);
        Assert.False(await _host.ScalarAsync<bool>($"SELECT cancelled FROM civic_events WHERE id = {id}"));
        Assert.Equal("confirmed", await _host.ScalarAsync<string>($"SELECT status FROM event_applications WHERE event_id = {id}"));

        await Faults.RepairWritesAsync(_host.Database, "event_notices");
        await CancelAsync(api, id);
        Assert.Contains("【中止】", await PushedAsync(applicant.UserId, "【中止】"));
    }

    [SkippableFact]
    public async Task QuietHours_OnlyAnEventCancelledOnItsDayIsPushed()
    {
        _host = await ConversationHost.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Events:NoticePollInterval"] = "01:00:00",
            ["Broadcasts:QuietHoursStart"] = "00:00",
            ["Broadcasts:QuietHoursEnd"] = "23:59",
        });
        using var api = _host.Bot.CreateApiClient();
        var later = await ApplicationChatTests.CreateAsync(api, ApplicationChatTests.Seminar(capacity: 5));
        var today = await ApplicationChatTests.CreateAsync(api, TodaySeminar());
        await AppliedAsync("Unoticequiet00000000000000000001", later);
        await AppliedAsync("Unoticequiet00000000000000000002", today);
        await CancelAsync(api, later);
        await CancelAsync(api, today);

        var sent = await _host.Bot.Services.GetRequiredService<NoticeSender>().SendDueAsync(default);

        Assert.Equal(1, sent);
        Assert.Equal(1L, await _host.ScalarAsync<long>($"SELECT COUNT(*) FROM event_notices WHERE event_id = {today} AND sent_at IS NOT NULL"));
        Assert.Equal(1L, await _host.ScalarAsync<long>($"SELECT COUNT(*) FROM event_notices WHERE event_id = {later} AND sent_at IS NULL"));
    }

    [SkippableFact]
    public async Task Quota_UsedUp_NoticeWaits()
    {
        _host = await ConversationHost.StartAsync(
            provider,
            new Dictionary<string, string?>(Applicants.NoticesAtOnce) { ["Events:NoticePollInterval"] = "01:00:00" },
            new EmulatorOptions { ChannelSecret = TestBot.ChannelSecret, MonthlyQuota = 10 });
        using var api = _host.Bot.CreateApiClient();
        var id = await ApplicationChatTests.CreateAsync(api, ApplicationChatTests.Seminar(capacity: 5));
        await AppliedAsync("Unoticequota00000000000000000001", id);
        await CancelAsync(api, id);
        Assert.True(_host.Line.Quota.TryConsume(10, 10));

        var sent = await _host.Bot.Services.GetRequiredService<NoticeSender>().SendDueAsync(default);

        Assert.Equal(0, sent);
        Assert.Equal(1L, await _host.ScalarAsync<long>($"SELECT COUNT(*) FROM event_notices WHERE event_id = {id} AND sent_at IS NULL AND failed IS NULL"));
    }

    private static object TodaySeminar() => new
    {
        titles = new { ja = "今日の説明会" },
        startsAt = DateTimeOffset.UtcNow.AddMinutes(20).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        venue = "市民活動センター",
        capacity = 5,
    };

    private static async Task CancelAsync(HttpClient api, long id)
    {
        var current = await api.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/events/{id}");
        using var put = await api.PutAsJsonAsync($"/api/v1/events/{id}", new
        {
            titles = new { ja = current.GetProperty("titles").GetProperty("ja").GetString() },
            startsAt = current.GetProperty("startsAt").GetString(),
            venue = current.GetProperty("venue").GetString(),
            capacity = 5,
            cancelled = true,
        });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
    }

    private Task<CitizenChat> AppliedAsync(string userId, long eventId, string language = "ja") => Applicants.AppliedAsync(_host, userId, eventId, language);

    private IEnumerable<string> PushesTo(string userId) =>
        _host.Line.Journal.For("/v2/bot/message/push")
            .Where(r => r.Status == 200 && r.Body is { } body && body.Contains(userId, StringComparison.Ordinal))
            .Select(r => System.Text.Json.JsonDocument.Parse(r.Body!).RootElement.GetProperty("messages")[0].GetProperty("text").GetString() ?? "");

    private async Task<string> PushedAsync(string userId, string marker)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            if (PushesTo(userId).FirstOrDefault(p => p.Contains(marker, StringComparison.Ordinal)) is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"No push with {marker} to {userId}: {string.Join(" // ", PushesTo(userId))}");
    }
}

public sealed class ApplicantNoticeTestsOnSqlite() : ApplicantNoticeTests("Sqlite");

public sealed class ApplicantNoticeTestsOnPostgres() : ApplicantNoticeTests("Postgres");
