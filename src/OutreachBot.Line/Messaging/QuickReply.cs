namespace OutreachBot.Line.Messaging;

/// <summary>Buttons shown above the keyboard with the message: at most 13 items.</summary>
public sealed record QuickReply(IReadOnlyList<QuickReplyItem> Items)
{
    public static QuickReply Of(params IEnumerable<LineAction> actions) => new([.. actions.Select(a => new QuickReplyItem(a))]);
}

public sealed record QuickReplyItem(LineAction Action)
{
    public string Type { get; init; } = "action";

    public string? ImageUrl { get; init; }
}
