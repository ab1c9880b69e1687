namespace OutreachBot.Line.Messaging;

// Request bodies, named and shaped as in messaging-api.yml.

public sealed record ReplyMessageRequest(string ReplyToken, IReadOnlyList<Message> Messages, bool? NotificationDisabled = null);

public sealed record PushMessageRequest(string To, IReadOnlyList<Message> Messages, bool? NotificationDisabled = null)
{
    public IReadOnlyList<string>? CustomAggregationUnits { get; init; }
}

public sealed record ValidateMessageRequest(IReadOnlyList<Message> Messages);

public sealed record ShowLoadingAnimationRequest(string ChatId, int? LoadingSeconds = null);

public sealed record MarkMessagesAsReadByTokenRequest(string MarkAsReadToken);

public sealed record CreateRichMenuAliasRequest(string RichMenuAliasId, string RichMenuId);

public sealed record UpdateRichMenuAliasRequest(string RichMenuId);
