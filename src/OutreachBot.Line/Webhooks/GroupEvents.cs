namespace OutreachBot.Line.Webhooks;

/// <summary>The account joined a group or multi-person chat.</summary>
public sealed record JoinEvent : WebhookEvent
{
    public required string ReplyToken { get; init; }
}

/// <summary>The account was removed from, or left, a group or multi-person chat.</summary>
public sealed record LeaveEvent : WebhookEvent;

/// <summary>Users joined a group or multi-person chat the account is in.</summary>
public sealed record MemberJoinedEvent : WebhookEvent
{
    public required string ReplyToken { get; init; }

    public required JoinedMembers Joined { get; init; }
}

public sealed record JoinedMembers
{
    public required IReadOnlyList<UserSource> Members { get; init; }
}

/// <summary>Users left a group or multi-person chat the account is in.</summary>
public sealed record MemberLeftEvent : WebhookEvent
{
    public required LeftMembers Left { get; init; }
}

public sealed record LeftMembers
{
    public required IReadOnlyList<UserSource> Members { get; init; }
}
