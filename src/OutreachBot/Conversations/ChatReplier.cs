using System.Net;
using Microsoft.Extensions.Options;
using OutreachBot.LineSending;
using OutreachBot.Webhook;

namespace OutreachBot.Conversations;

/// <summary>
/// Sends a turn's answer: with the reply token while it is fresh (free), else by push, but only while the event is
/// recent (<see cref="ConversationOptions.PushFallbackMaxAge"/>). A push carries a retry key made from the webhook
/// event, so that an event handled again after a crash pushes the same messages once; a reply that went out is
/// recorded at once, so that handling the event again does not push it as well. A citizen over their
/// <see cref="AnswerThrottle"/> gets no answer.
/// </summary>
public sealed partial class ChatReplier(
    LineMessagingClient line,
    InboxReplies replies,
    AnswerThrottle throttle,
    IOptions<ConversationOptions> options,
    TimeProvider time,
    ILogger<ChatReplier> logger)
{
    public async Task SendAsync(Turn turn, IReadOnlyList<Message> messages, CancellationToken cancellationToken)
    {
        var batches = messages.Chunk(LineLimits.MessagesPerRequest).ToList();
        if (batches.Count == 0)
        {
            return;
        }

        if (!throttle.TryTake(turn.UserId))
        {
            LogThrottled(turn.Event.Id);
            return;
        }

        var first = turn.Event.RepliedAt is null ? await TryReplyAsync(turn, batches[0], cancellationToken) : 1;
        if (first < batches.Count && Age(turn) > options.Value.PushFallbackMaxAge)
        {
            LogTooOldToPush(turn.Event.Id, Age(turn));
            return;
        }

        for (var i = first; i < batches.Count; i++)
        {
            await line.PushAsync(turn.UserId, batches[i], RetryKey(turn.Event.WebhookEventId, i), cancellationToken: cancellationToken);
        }
    }

    /// <summary>Replies with the first batch when the token is fresh; 1 when it went out, 0 when it must be pushed.</summary>
    private async Task<int> TryReplyAsync(Turn turn, Message[] batch, CancellationToken cancellationToken)
    {
        if (turn.ReplyToken is not { } token)
        {
            return 0;
        }

        if (Age(turn) > options.Value.ReplyTokenMaxAge)
        {
            LogReplyTokenTooOld(turn.Event.Id);
            return 0;
        }

        try
        {
            await line.ReplyAsync(token, batch, cancellationToken: cancellationToken);
        }
        catch (LineApiException ex) when (IsSpentReplyToken(ex))
        {
            LogReplyTokenRefused(turn.Event.Id);
            return 0;
        }

        try
        {
            await replies.MarkRepliedAsync(turn.Event.Id, time.GetUtcNow());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The answer is out; only a retry of this event would send it again.
            LogReplyNotRecorded(ex, turn.Event.Id);
        }

        return 1;
    }

    /// <summary>Shows "..." in the chat while a slow answer is prepared. Cosmetic: a failure is logged, not thrown.</summary>
    public async Task ShowLoadingAsync(Turn turn, CancellationToken cancellationToken)
    {
        try
        {
            await line.ShowLoadingAnimationAsync(turn.UserId, options.Value.LoadingAnimationSeconds, cancellationToken);
        }
        catch (LineApiException ex)
        {
            LogLoadingFailed(turn.Event.Id, ex.StatusCode);
        }
    }

    /// <summary>Since the event happened, or since it was received when LINE's clock says it happened later.</summary>
    private TimeSpan Age(Turn turn)
    {
        var received = turn.Event.ReceivedAt;
        var occurred = turn.Event.OccurredAt;
        return time.GetUtcNow() - (occurred < received ? occurred : received);
    }

    /// <summary>LINE answers 400 "Invalid reply token" for a token that is used up or too old.</summary>
    private static bool IsSpentReplyToken(LineApiException ex) =>
        ex.StatusCode == HttpStatusCode.BadRequest && ex.Message.Contains("reply token", StringComparison.OrdinalIgnoreCase);

    /// <summary>The same push of the same event always has the same key.</summary>
    internal static Guid RetryKey(string webhookEventId, int batch) => RetryKeys.From($"outreachbot-answer:{webhookEventId}:{batch}");

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox event {Id}: LINE refused the reply token; answering by push")]
    private partial void LogReplyTokenRefused(long id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox event {Id}: the reply token is too old to use")]
    private partial void LogReplyTokenTooOld(long id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox event {Id}: {Age} old, too old to answer by push; what the reply did not carry is dropped")]
    private partial void LogTooOldToPush(long id, TimeSpan age);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox event {Id}: the citizen is over their answer limit; not answered")]
    private partial void LogThrottled(long id);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox event {Id}: the reply went out but could not be recorded")]
    private partial void LogReplyNotRecorded(Exception exception, long id);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Inbox event {Id}: the loading animation could not be shown ({Status})")]
    private partial void LogLoadingFailed(long id, HttpStatusCode? status);
}
