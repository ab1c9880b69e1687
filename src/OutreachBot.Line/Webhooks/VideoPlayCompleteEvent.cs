namespace OutreachBot.Line.Webhooks;

/// <summary>A user watched to the end a video message the bot sent with a tracking id.</summary>
public sealed record VideoPlayCompleteEvent : WebhookEvent
{
    public required string ReplyToken { get; init; }

    public required VideoPlayComplete VideoPlayComplete { get; init; }
}

public sealed record VideoPlayComplete
{
    /// <summary>The <c>trackingId</c> of the video message.</summary>
    public required string TrackingId { get; init; }
}
