using System.Net;
using Microsoft.Extensions.Options;
using OutreachBot.Line.Messaging;
using OutreachBot.LineSending;

namespace OutreachBot.Conversations;

/// <summary>
/// Sends a turn's answer: with the reply token while it is fresh (free), else by push. A push carries a retry key
/// made from the webhook event, so that an event handled again after a crash pushes the same messages once.
/// </summary>
public sealed partial class ChatReplier(
    LineMessagingClient line, IOptions<ConversationOptions> options, TimeProvider time, ILogger<ChatReplier> logger)
{
    public async Task SendAsync(Turn turn, IReadOnlyList<Message> messages, CancellationToken cancellationToken)
    {
        var batches = messages.Chunk(LineLimits.MessagesPerRequest).ToList();
        var first = 0;
        if (batches.Count > 0 && turn.ReplyToken is { } token)
        {
            if (CanReply(turn))
            {
                try
                {
                    await line.ReplyAsync(token, batches[0], cancellationToken: cancellationToken);
                    first = 1;
                }
                catch (LineApiException ex) when (IsSpentReplyToken(ex))
                {
                    LogReplyTokenRefused(turn.Event.Id);
                }
            }
            else
            {
                LogReplyTokenTooOld(turn.Event.Id);
            }
        }

        for (var i = first; i < batches.Count; i++)
        {
            await line.PushAsync(turn.UserId, batches[i], RetryKey(turn.Event.WebhookEventId, i), cancellationToken: cancellationToken);
        }
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

    private bool CanReply(Turn turn)
    {
        var now = time.GetUtcNow();
        var received = turn.Event.ReceivedAtUtc;
        var occurred = DateTimeOffset.FromUnixTimeMilliseconds(turn.Event.EventTimestamp);
        var oldest = occurred < received ? occurred : received;
        return now - oldest <= options.Value.ReplyTokenMaxAge;
    }

    /// <summary>LINE answers 400 "Invalid reply token" for a token that is used up or too old.</summary>
    private static bool IsSpentReplyToken(LineApiException ex) =>
        ex.StatusCode == HttpStatusCode.BadRequest && ex.Message.Contains("reply token", StringComparison.OrdinalIgnoreCase);

    /// <summary>The same push of the same event always has the same key.</summary>
    internal static Guid RetryKey(string webhookEventId, int batch) => RetryKeys.From($"outreachbot-answer:{webhookEventId}:{batch}");

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox event {Id}: LINE refused the reply token; answering by push")]
    private partial void LogReplyTokenRefused(long id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox event {Id}: the reply token is too old to use; answering by push")]
    private partial void LogReplyTokenTooOld(long id);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Inbox event {Id}: the loading animation could not be shown ({Status})")]
    private partial void LogLoadingFailed(long id, HttpStatusCode? status);
}
