using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OutreachBot.Tests.Infrastructure;
using OutreachBot.Webhook;

namespace OutreachBot.Tests.Webhook;

/// <summary>
/// LINE's webhook while the disk is full, simulated by capping the SQLite file where it stands
/// (<c>Storage:SqliteMaxPageCount</c>, SQLite's <c>max_page_count</c> on every connection): the bot answers 500 with
/// nothing of the request kept, and once there is room again LINE's redeliveries are stored and handled once.
/// </summary>
public sealed class DiskFullTests : IAsyncLifetime
{
    private const int Events = 20;

    private readonly RecordingHandler _handler = new();
    private readonly LogRecorder _logs = new();
    private TestWorld _world = null!;

    public async Task InitializeAsync() => _world = await TestWorld.StartAsync("Sqlite");

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Webhook_WhileTheDiskIsFull_Answers500KeepsNothing_TheRedeliveryIsStoredAndHandledOnce()
    {
        var ids = Enumerable.Range(0, Events).Select(_ => WebhookBodies.NewEventId()).ToList();
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        // About 15 kB each, 300 kB in all: more than the free room of any page the file has.
        var question = string.Concat(Enumerable.Repeat("避難所はどこですか。", 500));
        string Body(bool redelivery) => WebhookBodies.Body([.. ids.Select((id, i) => WebhookBodies.TextEvent($"U{i:x32}", question, id, timestamp, redelivery))]);
        var bot = _world.StartBot(null, Handler);
        (await bot.PostWebhookAsync(WebhookBodies.Body())).Dispose();

        bot = await _world.RestartAsync(new Dictionary<string, string?> { ["Storage:SqliteMaxPageCount"] = "1" }, Handler);
        using var refused = await bot.PostWebhookAsync(Body(redelivery: false));
        var keptWhileFull = await bot.CountInboxAsync();

        bot = await _world.RestartAsync(null, Handler);
        using var redelivered = await bot.PostWebhookAsync(Body(redelivery: true));
        using var redeliveredAgain = await bot.PostWebhookAsync(Body(redelivery: true));
        await _handler.WaitForAsync(h => h.Count >= Events);
        await Task.Delay(TimeSpan.FromMilliseconds(300));

        Assert.Equal(HttpStatusCode.InternalServerError, refused.StatusCode);
        Assert.Equal(0, keptWhileFull);
        Assert.Contains(_logs.Messages, m => m.Contains("database or disk is full", StringComparison.Ordinal));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (redelivered.StatusCode, redeliveredAgain.StatusCode));
        Assert.Equal(Events, await bot.CountInboxAsync());
        Assert.Equal(ids.Order(), _handler.Handled.Select(e => e.WebhookEventId).Order());
    }

    private void Handler(IServiceCollection services) => services.AddSingleton<IInboxHandler>(_handler).AddSingleton<ILoggerProvider>(_logs);
}
