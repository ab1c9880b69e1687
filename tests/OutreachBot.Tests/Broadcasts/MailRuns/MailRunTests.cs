using System.Text.Json.Nodes;
using OutreachBot.Broadcasts;
using OutreachBot.Broadcasts.Fanout;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Broadcasts.MailRuns;

/// <summary>Mail runs through a real SMTP server (smtp4dev): each subscriber once, beside LINE or alone, cancelled, held by quiet hours.</summary>
public abstract class MailRunTests(string provider) : IAsyncLifetime
{
    private Smtp4devServer _smtp = null!;
    private BroadcastHarness _h = null!;

    public async Task InitializeAsync()
    {
        _smtp = await Smtp4devServer.StartAsync();
        _h = await BroadcastHarness.StartAsync(provider, new Dictionary<string, string?>(_smtp.Settings) { ["Site:PublicBaseUrl"] = MailSubscribersSeed.PublicBaseUrl });
    }

    public async Task DisposeAsync()
    {
        await _h.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [SkippableFact]
    public async Task MailAndLine_SendNow_EachSubscriberOneMailWithDistinctMessageIds()
    {
        var line = await _h.SeedAsync("volunteer", 12);
        var addresses = await MailSubscribersSeed.AddAsync(_h.Database, "volunteer", 25);
        await MailSubscribersSeed.AddAsync(_h.Database, "events", 5, prefix: "other");

        var id = await _h.CreateAsync(MailSubscribersSeed.MailBroadcast("volunteer", ["line", "mail"], new { subject = new { ja = "今週のお知らせ" } }));
        var view = await WaitForMailAsync(id, "sent");

        var received = await ReceivedAsync(25);
        Assert.Equal(addresses.Order(), received.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.Equal(25, received.Select(m => m.MessageId).Distinct().Count());
        Assert.All(received, m => Assert.Equal("今週のお知らせ", m.Subject));
        ExactlyOnce.Verify(_h.MulticastCounts(), line);
        var mail = view["channels"]!["mail"]!;
        Assert.Equal(25, mail.Number("targeted"));
        Assert.Equal(25, mail.Number("accepted"));
        Assert.Equal(0, mail.Number("pending"));
        Assert.Equal(12, view["channels"]!["line"]!.Number("accepted"));
        Assert.Null(view["channels"]!["web"]);
        Assert.Equal(12, view.Number("targeted"));
    }

    [SkippableFact]
    public async Task MailOnly_SendNow_NothingGoesToLineAndTheRunEndsSent()
    {
        await _h.SeedAsync("volunteer", 5);
        await MailSubscribersSeed.AddAsync(_h.Database, "volunteer", 8);

        var id = await _h.CreateAsync(MailSubscribersSeed.MailBroadcast("volunteer", ["mail", "web"]));
        var view = await WaitForMailAsync(id, "sent");

        Assert.Equal(8, (await ReceivedAsync(8)).Count);
        Assert.Empty(_h.Line.Journal.Deliveries);
        Assert.Equal(0, view.Number("targeted"));
        Assert.Null(view["channels"]!["line"]);
        Assert.True(view["channels"]!["web"]!["published"]!.GetValue<bool>());
        Assert.EndsWith($"/news/{id}", view["channels"]!["web"]!.Text("url"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Firing_SameOccurrenceAgain_AddsNobody()
    {
        await MailSubscribersSeed.AddAsync(_h.Database, "volunteer", 6);
        var id = await _h.CreateAsync(MailSubscribersSeed.MailBroadcast("volunteer", ["mail"]));
        await WaitForMailAsync(id, "sent");
        var occurrence = DateTimeOffset.FromUnixTimeMilliseconds(await _h.Database.ScalarAsync<long>($"SELECT occurrence FROM broadcast_runs WHERE broadcast_id = {id}"));
        var broadcast = (await _h.Get<BroadcastStore>().FindAsync(id, default))!;

        var again = await _h.Get<BatchSnapshot>().TakeAsync(broadcast, occurrence, new QuotaAllowance(null), DateTimeOffset.UtcNow, default);

        Assert.False(again.Created);
        Assert.Equal(6, await _h.Database.ScalarAsync<long>("SELECT COUNT(*) FROM mail_deliveries"));
        await Task.Delay(500);
        Assert.Equal(6, (await ReceivedAsync(6)).Count);
    }

    [SkippableFact]
    public async Task Cancel_WhileMailing_PendingMailsCancelledAndNoMoreSent()
    {
        await RestartAsync(new() { ["Mail:PerSecond"] = "4" });
        await MailSubscribersSeed.AddAsync(_h.Database, "volunteer", 30);
        var id = await _h.CreateAsync(MailSubscribersSeed.MailBroadcast("volunteer", ["mail"]));
        await _smtp.WaitForMessagesAsync(2);

        var (response, _) = await _h.PostAsync($"/api/v1/broadcasts/{id}/cancel", new { });
        Assert.True(response.IsSuccessStatusCode);
        await Task.Delay(1500);

        var view = await _h.GetAsync(id);
        var mail = view["channels"]!["mail"]!;
        Assert.Equal("cancelled", view.Text("status"));
        Assert.True(mail.Number("cancelled") > 0, mail.ToJsonString());
        Assert.Equal(0, mail.Number("pending"));
        Assert.Equal(mail.Number("accepted"), (await ReceivedAsync((int)mail.Number("accepted"))).Count);
        Assert.True(mail.Number("accepted") < 30);
    }

    [SkippableFact]
    public async Task QuietHours_NonUrgentRun_HeldUntilTheyEnd()
    {
        await MailSubscribersSeed.AddAsync(_h.Database, "volunteer", 5);
        // Fired while the relay cannot be reached: the mails wait in the ledger.
        await RestartAsync(new() { ["Mail:SmtpPort"] = LocalMachine.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await _h.CreateAsync(MailSubscribersSeed.MailBroadcast("volunteer", ["mail"]));
        await WaitUntilAsync(async () => await _h.Database.ScalarAsync<long>("SELECT COUNT(*) FROM mail_deliveries WHERE attempts > 0") == 5);

        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, tokyo).DateTime);
        await RestartAsync(new()
        {
            ["Broadcasts:QuietHoursStart"] = local.AddHours(-1).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["Broadcasts:QuietHoursEnd"] = local.AddHours(1).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        });
        await Task.Delay(2000);
        Assert.Empty(await _smtp.MessagesAsync());
        Assert.Equal(5, await MailSubscribersSeed.CountAsync(_h.Database, "pending"));

        await RestartAsync([]);
        Assert.Equal(5, (await ReceivedAsync(5)).Count);
    }

    /// <summary>The mails smtp4dev has stored (it stores them a little after its 250), with their recipients named when the count is off.</summary>
    private async Task<IReadOnlyList<MimeKit.MimeMessage>> ReceivedAsync(int count)
    {
        var received = await _smtp.WaitForMessagesAsync(count, TimeSpan.FromSeconds(60));
        Assert.True(received.Count == count, $"{received.Count} mails: {string.Join(", ", received.Select(m => m.To.ToString()).Order())}");
        return received;
    }

    /// <summary>Restarts the bot with the mail settings and these over them.</summary>
    private async Task RestartAsync(Dictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?>(_smtp.Settings) { ["Site:PublicBaseUrl"] = MailSubscribersSeed.PublicBaseUrl };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        await _h.World.RestartAsync(all, RecordingHandler.Register, BroadcastHarness.FastSettings());
    }

    private Task<JsonNode> WaitForMailAsync(long id, string status) => _h.WaitForStatusAsync(id, status);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(50);
        }
    }
}

public sealed class MailRunTestsOnSqlite() : MailRunTests("Sqlite");

public sealed class MailRunTestsOnPostgres() : MailRunTests("Postgres");
