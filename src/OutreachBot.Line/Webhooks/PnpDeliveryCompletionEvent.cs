namespace OutreachBot.Line.Webhooks;

/// <summary>A LINE notification message (sent by phone number) was delivered (event type <c>delivery</c>).</summary>
public sealed record PnpDeliveryCompletionEvent : WebhookEvent
{
    public required PnpDelivery Delivery { get; init; }
}

public sealed record PnpDelivery
{
    /// <summary>The hashed phone number, or the value of the request's <c>X-Line-Delivery-Tag</c> header.</summary>
    public required string Data { get; init; }
}
