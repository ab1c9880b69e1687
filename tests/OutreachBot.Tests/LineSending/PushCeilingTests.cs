using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Broadcasts.Fanout;
using OutreachBot.Consultations;
using OutreachBot.Line.Messaging;
using OutreachBot.LineEmulator.Api;
using OutreachBot.LineEmulator.Hosting;
using OutreachBot.LineSending;
using OutreachBot.Subscriptions;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.LineSending;

/// <summary>Every push the bot makes, whoever makes it, takes its turn under <c>Broadcasts:PushPerSecond</c>; none is dropped for it.</summary>
public abstract class PushCeilingTests(string provider) : IAsyncLifetime
{
    private const string PushPath = "/v2/bot/message/push";

    private readonly SettableRateShare _share = new();
    private ConversationHost? _host;
    private TestDatabase? _database;

    private TestBot Bot => _host!.Bot;

    private LineEmulatorServer Line => _host!.Line;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task ConsultationReplies_BurstBeyondTheCeiling_AllArriveAndNoSecondHoldsMore()
    {
        await StartAsync(new() { ["Broadcasts:PushPerSecond"] = "10" });
        var questions = await AskAsync(25);
        await Bot.Services.GetRequiredService<PushRateLimiter>().WaitForShareAsync();
        using var api = Bot.CreateApiClient();

        var answers = await Task.WhenAll(questions.Select(q => api.PostAsJsonAsync($"/api/v1/consultations/{q}/answer", new { text = $"回答 {q}" })));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var pushes = Line.Journal.For(PushPath).Select(r => r.At).Order().ToList();
        Assert.Equal(25, pushes.Count);
        Assert.Equal(25, Line.Journal.Deliveries.Where(d => d.Via == "push").Select(d => d.Recipient).Distinct().Count());
        Assert.True(Line.Journal.BusiestSecond(PushPath) <= 10, "arrivals (ms): " + string.Join(", ", pushes.Select(p => (int)(p - pushes[0]).TotalMilliseconds)));
        Assert.Equal(0L, await _database!.ScalarAsync<long>("SELECT COUNT(*) FROM consultations WHERE status = 'open'"));
    }

    [SkippableFact]
    public async Task Push_ThroughEveryHttpClientTheBotHas_TakesItsTurn()
    {
        await StartAsync(new() { ["Broadcasts:PushPerSecond"] = "5" });
        await Bot.Services.GetRequiredService<PushRateLimiter>().WaitForShareAsync();
        var services = Bot.Services;
        var typed = services.GetRequiredService<LineMessagingClient>();
        var fanout = services.GetRequiredService<MulticastClient>().Create();
        var factory = services.GetRequiredService<IHttpClientFactory>();

        var pushes = new List<Task>();
        for (var i = 0; i < 4; i++)
        {
            pushes.Add(typed.PushAsync(await CitizenAsync($"typed{i}"), [TextMessage.Create("typed")]));
            pushes.Add(fanout.PushAsync(await CitizenAsync($"fanout{i}"), [TextMessage.Create("fan-out")]));
            pushes.Add(RawPushAsync(factory.CreateClient("a-client-added-later"), await CitizenAsync($"raw{i}")));
        }

        await Task.WhenAll(pushes);

        var arrivals = Line.Journal.For(PushPath).Select(r => r.At).Order().ToList();
        Assert.Equal(12, arrivals.Count);
        Assert.True(Line.Journal.BusiestSecond(PushPath) <= 5, "arrivals (ms): " + string.Join(", ", arrivals.Select(p => (int)(p - arrivals[0]).TotalMilliseconds)));
    }

    [SkippableFact]
    public async Task Push_RetriedAfterAServerError_TheRetryWaitsForItsOwnTurn()
    {
        await StartAsync(new() { ["Broadcasts:PushPerSecond"] = "1" });
        await Bot.Services.GetRequiredService<PushRateLimiter>().WaitForShareAsync();
        var line = Bot.Services.GetRequiredService<LineMessagingClient>();
        Line.Faults.Set(new FaultSettings { ServerError = 1, MaxFaults = 1, Paths = [PushPath] });

        await line.PushAsync(await CitizenAsync("retried"), [TextMessage.Create("after a 500")]);

        var attempts = Line.Journal.For(PushPath);
        Assert.Equal([500, 200], attempts.Select(a => a.Status));
        // The client retries a 500 after 10 ms here; the retry is a request at LINE too: at one a second, it waits until a
        // second after the 500 came back, so a second after the first attempt arrived at the latest.
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromSeconds(1), $"retried after {attempts[1].At - attempts[0].At}");
    }

    [SkippableFact]
    public async Task ConsultationReply_NoTurnBeforeTheAttemptTimesOut_502SaysWhyNothingRecordedAndItGoesLater()
    {
        _share.PerWindow = 0;
        await StartAsync(
            new() { ["Broadcasts:PushPerSecond"] = "10", ["Line:AttemptTimeout"] = "00:00:01" },
            s => s.AddSingleton<IRateShare>(_share));
        var question = Assert.Single(await AskAsync(1));
        using var api = Bot.CreateApiClient();

        using var refused = await api.PostAsJsonAsync($"/api/v1/consultations/{question}/answer", new { text = "回答です" });
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        _share.PerWindow = 10;
        using var later = await api.PostAsJsonAsync($"/api/v1/consultations/{question}/answer", new { text = "回答です" });

        Assert.Equal(HttpStatusCode.BadGateway, refused.StatusCode);
        Assert.Contains("was not sent", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("Broadcasts:PushPerSecond (10/s for the channel, 0/s for this instance now)", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Single(Line.Journal.Deliveries, d => d.Via == "push");
        Assert.Equal(1L, await _database!.ScalarAsync<long>("SELECT COUNT(*) FROM consultation_replies"));
    }

    private async Task StartAsync(Dictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        _host = await ConversationHost.StartAsync(provider, settings, services: services);
        _database = _host.Database;
    }

    /// <summary>One open question from each of <paramref name="count"/> citizens; their ids.</summary>
    private async Task<IReadOnlyList<long>> AskAsync(int count)
    {
        var store = Bot.Services.GetRequiredService<ConsultationStore>();
        var ids = new List<long>();
        for (var i = 0; i < count; i++)
        {
            var userId = await CitizenAsync($"asks{i}");
            ids.Add(await store.AddAsync(userId, "ja", "質問です", $"event-{i}", DateTimeOffset.UtcNow, default));
        }

        return ids;
    }

    /// <summary>A citizen who follows the account, in the bot and at LINE.</summary>
    private async Task<string> CitizenAsync(string name)
    {
        var userId = $"U{name}x".PadRight(33, '0');
        await Bot.Services.GetRequiredService<CitizenStore>().FollowAsync(userId, "ja", null, DateTimeOffset.UtcNow, default);
        Line.AddFollower(userId);
        return userId;
    }

    private async Task RawPushAsync(HttpClient client, string userId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Line.BaseUrl, PushPath));
        request.Headers.Authorization = new("Bearer", EmulatorOptions.DefaultChannelAccessToken);
        request.Content = new StringContent(JsonSerializer.Serialize(new { to = userId, messages = new[] { new { type = "text", text = "raw" } } }), Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

public sealed class PushCeilingTestsOnSqlite() : PushCeilingTests("Sqlite");

public sealed class PushCeilingTestsOnPostgres() : PushCeilingTests("Postgres");
