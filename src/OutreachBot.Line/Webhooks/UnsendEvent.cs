namespace OutreachBot.Line.Webhooks;

/// <summary>A user unsent a message; the bot should forget that message's content.</summary>
public sealed record UnsendEvent : WebhookEvent
{
    public required UnsendDetail Unsend { get; init; }
}

public sealed record UnsendDetail
{
    public required string MessageId { get; init; }
}
