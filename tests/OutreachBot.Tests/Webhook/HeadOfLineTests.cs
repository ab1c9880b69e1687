using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Tests.Infrastructure;
using OutreachBot.Webhook;

namespace OutreachBot.Tests.Webhook;

/// <summary>
/// One citizen's event waits long in its handler (LINE retrying, say): the other citizens' events, stored after it, are
/// handled meanwhile, and that citizen's next event waits for it, in order.
/// </summary>
public abstract class HeadOfLineTests(string provider) : IAsyncLifetime
{
    private const string Slow = "Uslow000000000000000000000000000";
    private readonly HeldHandler _handler = new(Slow);
    private TestWorld _world = null!;
    private TestBot _bot = null!;

    public async Task InitializeAsync()
    {
        _world = await TestWorld.StartAsync(provider);
        _bot = _world.StartBot(services: s => s.AddSingleton<IInboxHandler>(_handler));
    }

    public async Task DisposeAsync()
    {
        _handler.Release();
        await _world.DisposeAsync();
    }

    [SkippableFact]
    public async Task OneCitizensEventHeldInItsHandler_OtherCitizensAreAnsweredMeanwhile_ItsNextEventWaitsForIt()
    {
        await _bot.PostWebhookAsync(WebhookBodies.Text(Slow, "first"));
        await WaitForAsync(() => _handler.Started.Contains("first"));

        var others = Enumerable.Range(0, 40).Select(i => WebhookBodies.TextEvent($"Uother{i:D2}", $"other{i}")).ToList();
        await _bot.PostWebhookAsync(WebhookBodies.Body([.. others, WebhookBodies.TextEvent(Slow, "second")]));

        await WaitForAsync(() => _handler.Finished.Count(t => t.StartsWith("other", StringComparison.Ordinal)) == 40);
        Assert.DoesNotContain("second", _handler.Started);

        _handler.Release();
        await WaitForAsync(() => _handler.Finished.Contains("second"));
        Assert.Equal(["first", "second"], _handler.Finished.Where(t => !t.StartsWith("other", StringComparison.Ordinal)));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!condition())
        {
            await Task.Delay(10, cancel.Token);
        }
    }

    /// <summary>Holds the events of one citizen until released, as a LINE call retried for long would; answers the others at once.</summary>
    private sealed class HeldHandler(string heldUserId) : IInboxHandler
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentQueue<string> Started { get; } = new();

        public ConcurrentQueue<string> Finished { get; } = new();

        public void Release() => _released.TrySetResult();

        public async Task<InboxOutcome> HandleAsync(InboxEvent inboxEvent, CancellationToken cancellationToken)
        {
            var text = System.Text.Json.JsonDocument.Parse(inboxEvent.Payload).RootElement.GetProperty("message").GetProperty("text").GetString()!;
            Started.Enqueue(text);
            if (inboxEvent.SourceKey == heldUserId)
            {
                await _released.Task.WaitAsync(cancellationToken);
            }

            Finished.Enqueue(text);
            return InboxOutcome.Handled;
        }
    }
}

public sealed class HeadOfLineTestsOnSqlite() : HeadOfLineTests("Sqlite");

public sealed class HeadOfLineTestsOnPostgres() : HeadOfLineTests("Postgres");
