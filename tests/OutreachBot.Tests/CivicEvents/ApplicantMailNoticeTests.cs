using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using OutreachBot.CivicEvents.Applications;
using OutreachBot.CivicEvents.Applications.Web;
using OutreachBot.Tests.Broadcasts.MailRuns;
using OutreachBot.Tests.Infrastructure;
using OutreachBot.Tests.MailSubscribers;

namespace OutreachBot.Tests.CivicEvents;

/// <summary>
/// Residents who applied on the web are told by mail, in the language they applied in, what LINE applicants are told by
/// push: moved up from the waiting list, the event cancelled, the event moved (with the cancel link); once each, from the
/// same ledger, through a real SMTP server.
/// </summary>
public abstract class ApplicantMailNoticeTests(string provider, MailServerFixture mail) : IAsyncLifetime
{
    private ConversationHost _host = null!;
    private ScriptedSmtp? _scripted;

    private static Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string?> smtp, string pollInterval = "00:00:00.100") =>
        new Dictionary<string, string?>(smtp)
        {
            ["Site:PublicBaseUrl"] = SubscribeHost.PublicBase,
            ["Events:NoticePollInterval"] = pollInterval,
            ["Broadcasts:QuietHoursStart"] = "00:00",
            ["Broadcasts:QuietHoursEnd"] = "00:00",
        };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        if (_scripted is not null)
        {
            await _scripted.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task LineApplicantCancels_TheWaitingWebApplicantIsMailedOnceInTheirLanguageWithTheCancelLink_EvenAfterARestart()
    {
        var settings = Settings(mail.Server.Settings);
        _host = await ConversationHost.StartAsync(provider, settings);
        var id = await CreateAsync(ApplicationChatTests.Seminar(capacity: 1));
        var line = await Applicants.AppliedAsync(_host, "Umailnoticeline00000000000000001", id);
        await WebAppliedAsync(id, "moved-up@example.jp", "en");

        await line.TapAsync($"v1|unapply-yes|{id}.1");

        var movedUp = await MailAsync("moved-up@example.jp", "[Moved up]");
        Assert.Contains("Co-op school", movedUp.Subject, StringComparison.Ordinal);
        Assert.Contains("Application no.: 2", movedUp.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{SubscribeHost.PublicBase}events/{id}/apply/cancel?t=", movedUp.TextBody, StringComparison.Ordinal);

        await _host.RestartAsync(settings);
        await _host.Bot.Services.GetRequiredService<NoticeSender>().SendDueAsync(default);

        Assert.Single(await MailsToAsync("moved-up@example.jp"), m => m.Subject?.StartsWith("[Moved up]", StringComparison.Ordinal) == true);
        Assert.Equal(1L, await _host.ScalarAsync<long>($"SELECT COUNT(*) FROM event_notices WHERE event_id = {id} AND web_request_id IS NOT NULL AND sent_at IS NOT NULL"));
    }

    [SkippableFact]
    public async Task StaffCancelTheEvent_EachWebApplicantMailedOnce_StaffMoveAnother_ItsApplicantMailedTheNewTimeAndTheCancelLink()
    {
        _host = await ConversationHost.StartAsync(provider, Settings(mail.Server.Settings));
        var cancelled = await CreateAsync(ApplicationChatTests.Seminar(capacity: 1));
        var moved = await CreateAsync(ApplicationChatTests.Seminar(capacity: 5));
        await WebAppliedAsync(cancelled, "cancel-confirmed@example.jp");
        await WebAppliedAsync(cancelled, "cancel-waiting@example.jp", "vi");
        await WebAppliedAsync(moved, "moved@example.jp");

        await PutAsync(cancelled, new { titles = new { ja = "とみさと協働塾" }, startsAt = "2030-12-05T10:00:00", venue = "市民活動センター", capacity = 1, cancelled = true });
        await PutAsync(moved, new { titles = new { ja = "とみさと協働塾" }, startsAt = "2030-12-06T14:00:00", venue = "市役所 第1会議室", capacity = 5 });

        var confirmed = await MailAsync("cancel-confirmed@example.jp", "【中止】");
        Assert.Contains("申し込み（番号 1）は取り消されました", confirmed.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("/apply/cancel", confirmed.TextBody, StringComparison.Ordinal);
        await MailAsync("cancel-waiting@example.jp", "[Đã hủy]");
        var change = await MailAsync("moved@example.jp", "【変更】");
        Assert.Contains("14:00", change.TextBody, StringComparison.Ordinal);
        Assert.Contains("会場：市役所 第1会議室", change.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{SubscribeHost.PublicBase}events/{moved}/apply/cancel?t=", change.TextBody, StringComparison.Ordinal);
        await _host.Bot.Services.GetRequiredService<NoticeSender>().SendDueAsync(default);
        Assert.Single(await MailsToAsync("cancel-confirmed@example.jp"), m => m.Subject?.StartsWith("【中止】", StringComparison.Ordinal) == true);
        Assert.Single(await MailsToAsync("cancel-waiting@example.jp"), m => m.Subject?.StartsWith("[Đã hủy]", StringComparison.Ordinal) == true);
    }

    [SkippableFact]
    public async Task MailServer_451_TriedAgainOnceTheClaimLapses_550_RecordedAndNotTriedAgain()
    {
        // Each address's first two mails are the application's own (the link, the number); the third is the notice.
        _scripted = new ScriptedSmtp((to, attempt) => to switch
        {
            "greylisted@example.jp" when attempt == 3 => "451 4.7.1 Greylisted, try again later",
            "unknown@example.jp" when attempt >= 3 => "550 5.1.1 No such user here",
            _ => "250 2.0.0 Ok",
        });
        _host = await ConversationHost.StartAsync(provider, Settings(_scripted.Settings, pollInterval: "01:00:00"));
        var id = await CreateAsync(ApplicationChatTests.Seminar(capacity: 5));
        await WebAppliedAsync(id, "greylisted@example.jp");
        await WebAppliedAsync(id, "unknown@example.jp");
        await PutAsync(id, new { titles = new { ja = "とみさと協働塾" }, startsAt = "2030-12-05T10:00:00", venue = "市民活動センター", capacity = 5, cancelled = true });
        var sender = _host.Bot.Services.GetRequiredService<NoticeSender>();

        Assert.Equal(0, await sender.SendDueAsync(default));
        Assert.Equal(0, await sender.SendDueAsync(default));
        await _host.Database.ExecuteAsync($"UPDATE event_notices SET claimed_until = 1 WHERE event_id = {id}");
        Assert.Equal(1, await sender.SendDueAsync(default));
        Assert.Equal(0, await sender.SendDueAsync(default));

        Assert.Single(_scripted.Accepted, a => a.Recipient == "greylisted@example.jp" && a.MessageId.StartsWith("event-notice.", StringComparison.Ordinal));
        Assert.DoesNotContain(_scripted.Accepted, a => a.Recipient == "unknown@example.jp" && a.MessageId.StartsWith("event-notice.", StringComparison.Ordinal));
        Assert.Contains("550", await _host.ScalarAsync<string>($"SELECT n.failed FROM event_notices n JOIN event_web_requests w ON w.id = n.web_request_id WHERE w.address = 'unknown@example.jp'"), StringComparison.Ordinal);
    }

    private async Task<long> CreateAsync(object body)
    {
        using var api = _host.Bot.CreateApiClient();
        return await ApplicationChatTests.CreateAsync(api, body);
    }

    private async Task PutAsync(long id, object body)
    {
        using var api = _host.Bot.CreateApiClient();
        using var put = await api.PutAsJsonAsync($"/api/v1/events/{id}", body);
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
    }

    /// <summary>A resident who sent the event's form and confirmed it from the mail's link, as the web pages do.</summary>
    private async Task WebAppliedAsync(long eventId, string address, string language = "ja")
    {
        var web = _host.Bot.Services.GetRequiredService<WebApplications>();
        await web.SubmitAsync(new WebApplicationForm(eventId, address, language, 1, "七栄 花子", [], "203.0.113.5"), default);
        var request = await web.FindAsync(await _host.ScalarAsync<long>($"SELECT id FROM event_web_requests WHERE address = '{address}'"), default);
        await web.ConfirmAsync(request!, default);
    }

    private async Task<List<MimeMessage>> MailsToAsync(string address) =>
        [.. (await mail.Server.MessagesAsync()).Where(m => m.To.Mailboxes.Any(b => b.Address == address))];

    private async Task<MimeMessage> MailAsync(string address, string subjectStart)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            if ((await MailsToAsync(address)).FirstOrDefault(m => m.Subject?.StartsWith(subjectStart, StringComparison.Ordinal) == true) is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"No mail {subjectStart} to {address}: {string.Join(" // ", (await MailsToAsync(address)).Select(m => m.Subject))}");
    }
}

public sealed class ApplicantMailNoticeTestsOnSqlite(MailServerFixture mail) : ApplicantMailNoticeTests("Sqlite", mail), IClassFixture<MailServerFixture>;

public sealed class ApplicantMailNoticeTestsOnPostgres(MailServerFixture mail) : ApplicantMailNoticeTests("Postgres", mail), IClassFixture<MailServerFixture>;
