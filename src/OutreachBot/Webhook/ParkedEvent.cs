namespace OutreachBot.Webhook;

/// <summary>A webhook event that failed every try, for staff to look at (the payload stays in the database).</summary>
public sealed record ParkedEvent
{
    public long Id { get; init; }

    public required string WebhookEventId { get; init; }

    public required string Type { get; init; }

    public string? SourceKey { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    public int Attempts { get; init; }

    public string? LastError { get; init; }

    public DateTimeOffset? ParkedAt { get; init; }
}
