namespace OutreachBot.Line.Webhooks;

public sealed record LocationMessageContent : MessageContent
{
    public string? Title { get; init; }

    public string? Address { get; init; }

    public required double Latitude { get; init; }

    public required double Longitude { get; init; }
}
