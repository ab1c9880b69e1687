namespace OutreachBot.Webhook;

/// <summary>A stored webhook event handed to the handler: LINE's JSON as received, plus what the inbox knows of it.</summary>
public sealed record InboxEvent
{
    public long Id { get; init; }

    public required string WebhookEventId { get; init; }

    public required string Type { get; init; }

    /// <summary>The user, group or room the event belongs to; events of one source are handled in order.</summary>
    public string? SourceKey { get; init; }

    /// <summary>LINE's <c>timestamp</c>: when the event happened, by LINE's clock.</summary>
    public DateTimeOffset OccurredAt { get; init; }

    public bool IsRedelivery { get; init; }

    /// <summary>The event object exactly as LINE sent it.</summary>
    public required string Payload { get; init; }

    /// <summary>Earlier failed tries.</summary>
    public int Attempts { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>When an earlier try answered with the reply token; that token is spent.</summary>
    public DateTimeOffset? RepliedAt { get; init; }
}

public enum InboxOutcome
{
    Handled,

    /// <summary>Stored and deliberately not acted on, e.g. an event type the bot does not use.</summary>
    Skipped,
}

/// <summary>What the inbox processor hands each event to, in order per citizen. Throw to have the event retried.</summary>
public interface IInboxHandler
{
    Task<InboxOutcome> HandleAsync(InboxEvent inboxEvent, CancellationToken cancellationToken);
}
