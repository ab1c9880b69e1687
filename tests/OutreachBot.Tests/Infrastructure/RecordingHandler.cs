using System.Collections.Concurrent;
using OutreachBot.Webhook;

namespace OutreachBot.Tests.Infrastructure;

/// <summary>A hand-written stand-in for the conversation: records what it is given and fails where a test says so.</summary>
public sealed class RecordingHandler : IInboxHandler
{
    private readonly ConcurrentDictionary<string, int> _failuresLeft = new();
    private readonly ConcurrentQueue<InboxEvent> _handled = new();

    public IReadOnlyList<InboxEvent> Handled => [.. _handled];

    /// <summary>For tests of something other than the conversation: events are recorded instead of answered.</summary>
    public static void Register(Microsoft.Extensions.DependencyInjection.IServiceCollection services) =>
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<IInboxHandler>(services, new RecordingHandler());

    public TimeSpan Delay { get; set; }

    /// <summary>The event with this id throws on its next <paramref name="times"/> tries.</summary>
    public void FailFor(string webhookEventId, int times) => _failuresLeft[webhookEventId] = times;

    public async Task<InboxOutcome> HandleAsync(InboxEvent inboxEvent, CancellationToken cancellationToken)
    {
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        if (_failuresLeft.TryGetValue(inboxEvent.WebhookEventId, out var left) && left > 0)
        {
            _failuresLeft[inboxEvent.WebhookEventId] = left - 1;
            throw new InvalidOperationException("The handler failed on purpose.");
        }

        _handled.Enqueue(inboxEvent);
        return inboxEvent.Type == "message" || inboxEvent.Type == "follow" ? InboxOutcome.Handled : InboxOutcome.Skipped;
    }

    public async Task WaitForAsync(Func<IReadOnlyList<InboxEvent>, bool> condition, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        while (!condition(Handled))
        {
            await Task.Delay(10, cancel.Token);
        }
    }
}
