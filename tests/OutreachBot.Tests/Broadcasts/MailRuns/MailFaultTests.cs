using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Broadcasts.MailRuns;

/// <summary>What smtp4dev cannot do, from a scripted SMTP endpoint: 4xx then 250, 5xx, a connection dropped mid-run, the rate ceiling.</summary>
public abstract class MailFaultTests(string provider) : IAsyncLifetime
{
    private readonly string _provider = provider;
    private ScriptedSmtp? _smtp;
    private BroadcastHarness? _h;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_h is not null)
        {
            await _h.DisposeAsync();
        }

        if (_smtp is not null)
        {
            await _smtp.DisposeAsync();
        }
    }

    private async Task<BroadcastHarness> StartAsync(Func<string, int, string?> reply, Dictionary<string, string?>? settings = null)
    {
        _smtp = new ScriptedSmtp(reply);
        var all = new Dictionary<string, string?>(_smtp.Settings) { ["Site:PublicBaseUrl"] = MailSubscribersSeed.PublicBaseUrl };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        _h = await BroadcastHarness.StartAsync(_provider, all);
        return _h;
    }

    [SkippableFact]
    public async Task TransientReply_451ThenAccepted_SentOnceOnItsSecondAttempt()
    {
        var h = await StartAsync((to, attempt) => to.StartsWith("resident0001", StringComparison.Ordinal) && attempt == 1 ? "451 4.3.0 Mailbox busy, try later" : "250 2.0.0 Ok");
        var addresses = await MailSubscribersSeed.AddAsync(h.Database, "volunteer", 4);

        var id = await h.CreateAsync(MailSubscribersSeed.MailBroadcast("volunteer", ["mail"]));
        var view = await h.WaitForStatusAsync(id, "sent");

        Assert.Equal(addresses.Order(), _smtp!.Accepted.Select(a => a.Recipient).Order());
        Assert.Equal(4, view["channels"]!["mail"]!.Number("accepted"));
        Assert.Equal(2, await h.Database.ScalarAsync<long>("SELECT d.attempts FROM mail_deliveries d JOIN mail_subscribers m ON m.id = d.subscriber_id WHERE m.address = 'resident0001@example.jp'"));
    }

    [SkippableFact]
    public async Task PermanentReply_550_FailedWithTheReplyAndCountedTowardsSuppression()
    {
        var h = await StartAsync((to, _) => to.StartsWith("resident0002", StringComparison.Ordinal) ? "550 5.1.1 No such user here" : "250 2.0.0 Ok");
        await MailSubscribersSeed.AddAsync(h.Database, "volunteer", 4);
        await h.Database.ExecuteAsync("UPDATE mail_subscribers SET consecutive_failures = 2 WHERE address = 'resident0003@example.jp'");

        var id = await h.CreateAsync(MailSubscribersSeed.MailBroadcast("volunteer", ["mail"]));
        var view = await h.WaitForStatusAsync(id, "sent");

        var mail = view["channels"]!["mail"]!;
        Assert.Equal(3, mail.Number("accepted"));
        Assert.Equal(1, mail.Number("failed"));
        var failure = mail["failures"]![0]!;
        Assert.Equal("resident0002@example.jp", failure.Text("address"));
        Assert.Contains("550", failure.Text("reply"), StringComparison.Ordinal);
        Assert.Contains("No such user", failure.Text("reply"), StringComparison.Ordinal);
        Assert.Equal(1, await h.Database.ScalarAsync<long>("SELECT consecutive_failures FROM mail_subscribers WHERE address = 'resident0002@example.jp'"));
        // An accepted mail clears an address's streak.
        Assert.Equal(0, await h.Database.ScalarAsync<long>("SELECT consecutive_failures FROM mail_subscribers WHERE address = 'resident0003@example.jp'"));
        Assert.Single(_smtp!.Accepted, a => a.Recipient == "resident0001@example.jp");
    }

    [SkippableFact]
    public async Task DroppedConnection_MidRun_EveryoneAcceptedOnceOnANewConnection()
    {
        var dropped = 0;
        var h = await StartAsync(
            (_, _) => Interlocked.Increment(ref dropped) is 5 or 9 ? null : "250 2.0.0 Ok",
            new() { ["Mail:Connections"] = "1" });
        var addresses = await MailSubscribersSeed.AddAsync(h.Database, "volunteer", 20);

        var id = await h.CreateAsync(MailSubscribersSeed.MailBroadcast("volunteer", ["mail"]));
        await h.WaitForStatusAsync(id, "sent");

        var accepted = _smtp!.Accepted.ToList();
        Assert.Equal(addresses.Order(), accepted.Select(a => a.Recipient).Order());
        Assert.Equal(20, accepted.Select(a => a.MessageId).Distinct().Count());
        Assert.True(_smtp.Connections >= 3, $"{_smtp.Connections} connections");
    }

    [SkippableFact]
    public async Task SlowRelay_ClaimsOutlastedByTheirWait_EveryoneAcceptedOnce()
    {
        var h = await StartAsync(
            (_, _) => { Thread.Sleep(600); return "250 2.0.0 Ok"; },
            new() { ["Mail:Connections"] = "2", ["Broadcasts:BatchLease"] = "00:00:02.500" });
        var addresses = await MailSubscribersSeed.AddAsync(h.Database, "volunteer", 12);

        var id = await h.CreateAsync(MailSubscribersSeed.MailBroadcast("volunteer", ["mail"]));
        await h.WaitForStatusAsync(id, "sent", TimeSpan.FromSeconds(90));

        var accepted = _smtp!.Accepted.Select(a => a.Recipient).ToList();
        Assert.Equal(addresses.Order(), accepted.Order());
    }

    [SkippableFact]
    public async Task PerSecondCeiling_ManyConnections_NoSecondHoldsMoreThanIt()
    {
        var times = new System.Collections.Concurrent.ConcurrentQueue<DateTimeOffset>();
        var h = await StartAsync((_, _) => { times.Enqueue(DateTimeOffset.UtcNow); return "250 2.0.0 Ok"; }, new() { ["Mail:PerSecond"] = "10", ["Mail:Connections"] = "8" });
        await MailSubscribersSeed.AddAsync(h.Database, "volunteer", 35);

        var id = await h.CreateAsync(MailSubscribersSeed.MailBroadcast("volunteer", ["mail"]));
        await h.WaitForStatusAsync(id, "sent", TimeSpan.FromSeconds(60));

        var sorted = times.Order().ToList();
        var busiest = sorted.Select(t => sorted.Count(u => u >= t && u < t.AddSeconds(1))).Max();
        Assert.Equal(35, sorted.Count);
        Assert.InRange(busiest, 5, 10);
    }
}

public sealed class MailFaultTestsOnSqlite() : MailFaultTests("Sqlite");

public sealed class MailFaultTestsOnPostgres() : MailFaultTests("Postgres");
