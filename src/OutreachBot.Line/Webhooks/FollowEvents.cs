namespace OutreachBot.Line.Webhooks;

/// <summary>A user added the account as a friend, or unblocked it.</summary>
public sealed record FollowEvent : WebhookEvent
{
    public required string ReplyToken { get; init; }

    /// <summary>Required by the spec, but absent from payloads older than it.</summary>
    public FollowDetail? Follow { get; init; }
}

public sealed record FollowDetail
{
    /// <summary>True when the user unblocked the account, false when they added it for the first time.</summary>
    public required bool IsUnblocked { get; init; }
}

/// <summary>A user blocked the account. There is nothing to reply to.</summary>
public sealed record UnfollowEvent : WebhookEvent;
