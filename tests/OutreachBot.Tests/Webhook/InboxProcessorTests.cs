using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Tests.Infrastructure;
using OutreachBot.Webhook;

namespace OutreachBot.Tests.Webhook;

public abstract class InboxProcessorTests(string provider) : IAsyncLifetime
{
    private readonly RecordingHandler _handler = new();
    private TestWorld _world = null!;
    private TestDatabase _database = null!;
    private TestBot _bot = null!;

    public async Task InitializeAsync()
    {
        _world = await TestWorld.StartAsync(provider);
        _database = _world.Database;
        _bot = StartBot(_handler);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private TestBot StartBot(RecordingHandler handler, int maxAttempts = 3, string firstRetryDelay = "00:00:00.020") => _world.CreateBot(
        new Dictionary<string, string?>
        {
            ["Inbox:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Inbox:FirstRetryDelay"] = firstRetryDelay,
            ["Inbox:MaxRetryDelay"] = "00:00:05",
        },
        s => s.AddSingleton<IInboxHandler>(handler));

    /// <summary>A retry slow enough that the events behind the failing one are seen waiting.</summary>
    private async Task RestartWithFirstRetryDelayAsync(string firstRetryDelay)
    {
        await _world.StopAsync(_bot);
        _bot = StartBot(_handler, firstRetryDelay: firstRetryDelay);
    }

    private IEnumerable<string?> HandledTexts() =>
        _handler.Handled.Select(e => JsonDocument.Parse(e.Payload).RootElement.GetProperty("message").GetProperty("text").GetString());

    [SkippableFact]
    public async Task Drain_EventsOfOneCitizen_HandledInTimestampOrderEvenWhenTheyArriveOutOfOrder()
    {
        var start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var events = Enumerable.Range(0, 20).Select(i => WebhookBodies.TextEvent("Uone", $"m{i}", timestamp: start + i)).Reverse().ToArray();

        await _bot.PostWebhookAsync(WebhookBodies.Body(events));

        await _handler.WaitForAsync(h => h.Count == 20);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"m{i}"), HandledTexts());
    }

    [SkippableFact]
    public async Task Drain_OlderEventDeliveredInALaterRequest_HandledFirstWhileBothArePending()
    {
        await RestartWithFirstRetryDelayAsync("00:00:01");
        var start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var blocking = WebhookBodies.NewEventId();
        _handler.FailFor(blocking, times: 1);
        await _bot.PostWebhookAsync(WebhookBodies.Text("Uone", "first", blocking, start));
        await _bot.PostWebhookAsync(WebhookBodies.Text("Uone", "third", timestamp: start + 2));
        await _bot.PostWebhookAsync(WebhookBodies.Text("Uone", "second", timestamp: start + 1));

        await _handler.WaitForAsync(h => h.Count == 3);
        Assert.Equal(["first", "second", "third"], HandledTexts());
    }

    [SkippableFact]
    public async Task Drain_OneCitizensLongBacklogWaitingOnARetry_OtherCitizensAreHandledMeanwhile()
    {
        await RestartWithFirstRetryDelayAsync("00:00:02");
        var start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var retried = WebhookBodies.NewEventId();
        _handler.FailFor(retried, times: 1);
        var backlog = Enumerable.Range(0, 600)
            .Select(i => WebhookBodies.TextEvent("Ubusy", $"m{i}", i == 0 ? retried : null, start + i))
            .Chunk(100)
            .Select(events => WebhookBodies.Body(events));
        foreach (var body in backlog)
        {
            await _bot.PostWebhookAsync(body);
        }

        await _bot.PostWebhookAsync(WebhookBodies.Text("Uother", "behind the backlog", timestamp: start));

        await _handler.WaitForAsync(h => h.Any(e => e.SourceKey == "Uother"));
        Assert.DoesNotContain(_handler.Handled, e => e.SourceKey == "Ubusy");
        await _handler.WaitForAsync(h => h.Count == 601, TimeSpan.FromSeconds(60));
        Assert.Equal(retried, _handler.Handled.First(e => e.SourceKey == "Ubusy").WebhookEventId);
    }

    [SkippableFact]
    public async Task Drain_FailingEvent_RetriedAndLaterEventsOfThatCitizenWait()
    {
        var start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var failing = WebhookBodies.NewEventId();
        _handler.FailFor(failing, times: 2);

        await _bot.PostWebhookAsync(WebhookBodies.Body(
            WebhookBodies.TextEvent("Uone", "first", failing, start),
            WebhookBodies.TextEvent("Uone", "second", timestamp: start + 1),
            WebhookBodies.TextEvent("Uother", "unrelated", timestamp: start + 2)));

        await _handler.WaitForAsync(h => h.Count == 3);
        var mine = _handler.Handled.Where(e => e.SourceKey == "Uone").ToList();
        Assert.Equal(failing, mine[0].WebhookEventId);
        Assert.Equal(2, mine[0].Attempts);
        // The handler has run; marking the event done is the processor's next write.
        await WaitUntilAsync(async () => await _bot.CountInboxAsync($"webhook_event_id = '{failing}' AND state = 'done'") == 1);
    }

    [SkippableFact]
    public async Task Drain_EventFailingEveryTry_ParkedListedForStaffAndTheCitizensNextEventGoesOn()
    {
        var start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var failing = WebhookBodies.NewEventId();
        _handler.FailFor(failing, times: 100);

        await _bot.PostWebhookAsync(WebhookBodies.Body(
            WebhookBodies.TextEvent("Uone", "broken", failing, start),
            WebhookBodies.TextEvent("Uone", "after", timestamp: start + 1)));

        await _handler.WaitForAsync(h => h.Count == 1);
        using var api = _bot.CreateApiClient();
        var page = await api.GetFromJsonAsync<JsonElement>("/api/v1/inbox/parked");
        var parked = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(failing, parked.GetProperty("webhookEventId").GetString());
        Assert.Equal(3, parked.GetProperty("attempts").GetInt32());
        Assert.Contains("failed on purpose", parked.GetProperty("lastError").GetString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Retry_ParkedEventAfterTheFaultIsFixed_HandledOnce()
    {
        var failing = WebhookBodies.NewEventId();
        _handler.FailFor(failing, times: 3);
        await _bot.PostWebhookAsync(WebhookBodies.Text("Uone", "broken", failing));
        await WaitUntilAsync(async () => await _bot.CountInboxAsync("state = 'parked'") == 1);
        var id = await _database.ScalarAsync<long>("SELECT id FROM inbox_events");

        using var api = _bot.CreateApiClient();
        using var retried = await api.PostAsync($"/api/v1/inbox/parked/{id}/retry", null);
        using var unknown = await api.PostAsync("/api/v1/inbox/parked/999999/retry", null);

        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await _handler.WaitForAsync(h => h.Count == 1);
        Assert.Equal(failing, _handler.Handled[0].WebhookEventId);
    }

    [SkippableFact]
    public async Task Restart_EventsStoredButNotHandled_HandledByTheNextProcess()
    {
        var slow = new RecordingHandler { Delay = TimeSpan.FromSeconds(30) };
        await _bot.DisposeAsync();
        var stopping = StartBot(slow);
        await stopping.PostWebhookAsync(WebhookBodies.Body(WebhookBodies.TextEvent("Ua", "a"), WebhookBodies.TextEvent("Ub", "b")));
        await stopping.DisposeAsync();

        var next = new RecordingHandler();
        _bot = StartBot(next);
        _ = _bot.Services;

        await next.WaitForAsync(h => h.Count == 2);
        Assert.Equal(2, await _bot.CountInboxAsync("state = 'done'"));
    }

    [SkippableFact]
    public async Task Drain_UnknownEventType_StoredAndSkippedWithoutError()
    {
        var body = WebhookBodies.Body(new
        {
            type = "greatNewFeature",
            mode = "active",
            timestamp = 1,
            source = new { type = "user", userId = "Ua" },
            webhookEventId = WebhookBodies.NewEventId(),
            deliveryContext = new { isRedelivery = false },
        });

        using var response = await _bot.PostWebhookAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await WaitUntilAsync(async () => await _bot.CountInboxAsync("state = 'skipped'") == 1);
    }

    [SkippableFact]
    public async Task ParkedApi_WithoutApiKey_Answers401()
    {
        using var anonymous = _bot.CreateClient();
        using var wrongKey = _bot.CreateClient();
        wrongKey.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-key");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/inbox/parked")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongKey.GetAsync("/api/v1/inbox/parked")).StatusCode);
    }

    [SkippableFact]
    public async Task Drain_WhileWebhooksKeepArriving_KeepsHandlingInsteadOfWaitingForTheBurstToEnd()
    {
        await _bot.PostWebhookAsync(WebhookBodies.Text("Uwarm", "started"));
        await _handler.WaitForAsync(h => h.Count == 1);
        using var ingest = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var posters = Enumerable.Range(0, 16).Select(poster => Task.Run(async () =>
        {
            for (var i = 0; !ingest.IsCancellationRequested; i++)
            {
                using var response = await _bot.PostWebhookAsync(WebhookBodies.Text($"U{poster}x{i % 50}", "hello"));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }));
        await Task.WhenAll(posters);

        var handledWhileArriving = _handler.Handled.Count;
        var stored = await _bot.CountInboxAsync();
        Assert.True(stored > 200, $"only {stored} webhooks were stored; the ingest did not run");
        Assert.True(handledWhileArriving >= stored * 3 / 5, $"handled {handledWhileArriving} of {stored} stored events while webhooks kept arriving");
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!await condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}

public sealed class InboxProcessorTestsOnSqlite() : InboxProcessorTests("Sqlite");

public sealed class InboxProcessorTestsOnPostgres() : InboxProcessorTests("Postgres");
