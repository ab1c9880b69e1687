using System.Collections.Concurrent;

namespace OutreachBot.LineEmulator.Chat;

public enum DeliveryState { Pending, Delivered, Failed }

/// <summary>What the bot answered to one POST of a webhook; <see cref="Status"/> is null when it did not answer at all.</summary>
public sealed record DeliveryAttempt(int? Status, string? Error, TimeSpan Elapsed)
{
    /// <summary>LINE wants an answer within about 2 seconds; slower answers count as failures there.</summary>
    public static readonly TimeSpan LineDeadline = TimeSpan.FromSeconds(2);

    public bool Succeeded => Status is >= 200 and < 300;

    public bool Slow => Elapsed > LineDeadline;
}

/// <summary>A webhook event the chat sent, kept so it can be shown with its outcome and sent again as a redelivery.</summary>
public sealed record SentEvent(
    string WebhookEventId,
    string UserId,
    long Sequence,
    string EventJson,
    string? DisplayText,
    DeliveryState State,
    DeliveryAttempt? LastAttempt,
    int Attempts,
    bool Redelivered);

/// <summary>Every event the chat sent and how its last delivery went, by <c>webhookEventId</c>.</summary>
public sealed class DeliveryLog
{
    private readonly ConcurrentDictionary<string, SentEvent> _events = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _lastByUser = new(StringComparer.Ordinal);

    public event Action<SentEvent>? Changed;

    public void Add(SentEvent sent)
    {
        _events[sent.WebhookEventId] = sent;
        _lastByUser[sent.UserId] = sent.WebhookEventId;
        Changed?.Invoke(sent);
    }

    public SentEvent Record(string webhookEventId, DeliveryAttempt attempt, bool redelivery)
    {
        var updated = _events.AddOrUpdate(
            webhookEventId,
            _ => throw new InvalidOperationException($"Event {webhookEventId} was never sent."),
            (_, sent) => sent with
            {
                State = attempt.Succeeded ? DeliveryState.Delivered : DeliveryState.Failed,
                LastAttempt = attempt,
                Attempts = sent.Attempts + 1,
                Redelivered = sent.Redelivered || redelivery,
            });
        Changed?.Invoke(updated);
        return updated;
    }

    public SentEvent? Find(string webhookEventId) => _events.GetValueOrDefault(webhookEventId);

    public SentEvent? LastFor(string userId) =>
        _lastByUser.TryGetValue(userId, out var id) ? Find(id) : null;
}
