using OutreachBot.LineEmulator.Api;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Broadcasts;

public abstract class FanoutTests(string provider) : IAsyncLifetime
{
    private BroadcastHarness _h = null!;

    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    public async Task InitializeAsync() => _h = await BroadcastHarness.StartAsync(provider, Settings);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [SkippableFact]
    public async Task Broadcast_SendNow_EachFollowerAcceptedOnceInTheirLanguage()
    {
        var ja = await _h.SeedAsync("volunteer", 23, "ja");
        var en = await _h.SeedAsync("volunteer", 7, "en");
        var vi = await _h.SeedAsync("volunteer", 4, "vi");
        await _h.SeedAsync("events", 5, "ja", prefix: "Uother");

        var id = await _h.CreateAsync(BroadcastHarness.Broadcast("volunteer", messages: new()
        {
            ["ja"] = [BroadcastHarness.Text("ボランティア募集")],
            ["en"] = [BroadcastHarness.Text("Volunteers wanted"), BroadcastHarness.Text("Details inside")],
        }));
        var view = await _h.WaitForStatusAsync(id, "sent");

        Assert.Equal(34, view.Number("targeted"));
        Assert.Equal(34, view.Number("accepted"));
        Assert.Equal(0, view.Number("pending"));
        var counts = _h.MulticastCounts();
        Assert.Equal([.. ja.Concat(en).Concat(vi).Order()], counts.Keys.Order());
        Assert.All(counts.Values, c => Assert.Equal(1, c));
        var english = _h.Line.Journal.Deliveries.Where(d => en.Contains(d.Recipient)).ToList();
        Assert.All(english, d => Assert.Equal(2, d.MessageCount));
        Assert.All(_h.Line.Journal.Deliveries.Where(d => vi.Contains(d.Recipient)), d => Assert.Equal(1, d.MessageCount));
    }

    [SkippableFact]
    public async Task Fanout_InjectedFaults_EveryRecipientAcceptedExactlyOnce()
    {
        var ids = await _h.SeedAsync("volunteer", 200);
        _h.Line.Faults.Set(new FaultSettings
        {
            TooManyRequests = 0.15,
            ServerError = 0.15,
            DropConnection = 0.15,
            Slow = 0.1,
            SlowMilliseconds = 1500,
            AfterProcessing = true,
            RetryAfterSeconds = 0,
            Seed = 7,
        }.Only());

        var id = await _h.CreateAsync(BroadcastHarness.Broadcast("volunteer"));
        var view = await _h.WaitForStatusAsync(id, "sent", TimeSpan.FromSeconds(60));

        Assert.True(_h.Line.Faults.Injected > 5, $"only {_h.Line.Faults.Injected} faults injected");
        Assert.Equal(200, view.Number("accepted"));
        ExactlyOnce.Verify(_h.MulticastCounts(), ids);
    }

    [SkippableFact]
    public async Task Fanout_LineRefusesWith400_BatchFailedWithLinesMessageAndRequestIds()
    {
        await _h.SeedAsync("volunteer", 3);
        var broken = new { type = "flex", altText = "イベント", contents = new { type = "bogus" } };

        var id = await _h.CreateAsync(BroadcastHarness.Broadcast("volunteer", messages: new() { ["ja"] = [broken] }));
        var view = await _h.WaitForStatusAsync(id, "failed");

        Assert.Equal(3, view.Number("failed"));
        Assert.Equal(0, view.Number("accepted"));
        var error = view["errors"]![0]!;
        Assert.Equal(400, error["statusCode"]!.GetValue<int>());
        Assert.Contains("error", error.Text("message"), StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(error["requestIds"]!.AsArray());
        Assert.Empty(_h.MulticastCounts());
    }
}

public sealed class FanoutTestsOnSqlite() : FanoutTests("Sqlite");

public sealed class FanoutTestsOnPostgres() : FanoutTests("Postgres");
