using Microsoft.Extensions.DependencyInjection;
using OutreachBot.LineSending;
using OutreachBot.Tests.LineSending;

namespace OutreachBot.Tests.Broadcasts;

/// <summary>A test send is a multicast like the fan-out's: it takes its turn under the same ceiling.</summary>
public abstract class TestSendTests(string provider) : IAsyncLifetime
{
    private const string Staff = "Ustaff0000000000000000000000001";
    private BroadcastHarness _h = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_h is not null)
        {
            await _h.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task TestSends_ManyAtOnce_TakeTheirTurnsUnderTheMulticastCeiling()
    {
        _h = await BroadcastHarness.StartAsync(provider, new Dictionary<string, string?> { ["Broadcasts:MulticastPerSecond"] = "2" });
        _h.Line.AddFollower(Staff);
        var id = await _h.CreateAsync(BroadcastHarness.Broadcast("volunteer", draft: true));
        await _h.Bot.Services.GetRequiredService<MulticastRateLimiter>().WaitForShareAsync();

        var sends = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _h.PostAsync($"/api/v1/broadcasts/{id}/test", new { userIds = new[] { Staff } })));

        Assert.All(sends, s => Assert.Equal(200, (int)s.Response.StatusCode));
        var arrivals = _h.Line.Journal.For("/v2/bot/message/multicast").Select(r => r.At).Order().ToList();
        Assert.Equal(4, arrivals.Count);
        Assert.True(_h.BusiestSecond() <= 2, "arrivals (ms): " + string.Join(", ", arrivals.Select(a => (int)(a - arrivals[0]).TotalMilliseconds)));
    }
}

public sealed class TestSendTestsOnSqlite() : TestSendTests("Sqlite");

public sealed class TestSendTestsOnPostgres() : TestSendTests("Postgres");
