using System.Collections.Concurrent;
using System.Net;
using Dapper;
using Microsoft.Extensions.Options;
using OutreachBot.Analytics.Insight;
using OutreachBot.Broadcasts.Authoring;
using OutreachBot.LineSending;

namespace OutreachBot.Broadcasts.Fanout;

/// <summary>
/// One multicast attempt for one batch, and what it means for the ledger: 200 and 409 are accepted; 429, 5xx, 408,
/// timeouts and dropped connections go again later with the same key; other 4xx fail with LINE's message.
/// </summary>
public sealed partial class BatchSender(
    MulticastClient clients,
    MulticastRateLimiter rate,
    FanoutSignal signal,
    Database database,
    Analytics.Clicks.ClickLinks links,
    IOptions<BroadcastOptions> options,
    TimeProvider time,
    ILogger<BatchSender> logger)
{
    private readonly ConcurrentDictionary<(long RunId, string Language), RunMessages> _messages = new();

    public async Task<BatchOutcome> SendAsync(ClaimedBatch batch, CancellationToken cancellationToken)
    {
        if (batch.Recipients.Count == 0)
        {
            // Everyone in it unfollowed after the snapshot: nothing to send, nothing to retry.
            return new BatchOutcome(batch.Id, batch.RunId, BatchOutcomeKind.Accepted);
        }

        if (signal.IsCancelled(batch.RunId))
        {
            return new BatchOutcome(batch.Id, batch.RunId, BatchOutcomeKind.Cancelled);
        }

        try
        {
            // Everything slow comes before the permit: LINE counts a request when it arrives, not when it was allowed.
            var (messages, unit) = await MessagesAsync(batch, cancellationToken);
            var multicast = batch.Recipients.ToMulticast(messages, unit);
            var client = clients.Create();
            using var permit = await rate.WaitAsync(cancellationToken);
            var result = await client.MulticastAsync(multicast, batch.RetryKey, cancellationToken);
            return new BatchOutcome(batch.Id, batch.RunId, BatchOutcomeKind.Accepted)
            {
                StatusCode = result.AlreadyAccepted ? 409 : 200,
                RequestId = result.RequestId,
                AcceptedRequestId = result.AcceptedRequestId ?? result.RequestId,
            };
        }
        catch (LineApiException ex)
        {
            return Classify(batch, ex);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down mid-call: LINE may or may not have it.
            return Retry(batch, null, null, "Stopped while sending", maybeDelivered: true, null);
        }
        catch (Exception ex)
        {
            LogUnexpected(ex, batch.Id);
            return Retry(batch, null, null, ex.GetType().Name, maybeDelivered: true, null);
        }
    }

    private BatchOutcome Classify(ClaimedBatch batch, LineApiException ex)
    {
        var status = (int?)ex.StatusCode;
        var message = ex.Details.Count == 0
            ? ex.Message
            : $"{ex.Message} ({string.Join("; ", ex.Details.Select(d => d.Property is null ? d.Message : $"{d.Property}: {d.Message}"))})";
        if (ex.StatusCode == HttpStatusCode.TooManyRequests && ex.Message.Contains("monthly limit", StringComparison.OrdinalIgnoreCase))
        {
            return Failed(batch, status, ex.RequestId, message);
        }

        if (ex.StatusCode is HttpStatusCode.TooManyRequests)
        {
            // Refused before LINE acted on it: the batch may still lose citizens who unfollow meanwhile.
            return Retry(batch, status, ex.RequestId, message, maybeDelivered: false, ex.RetryAfter);
        }

        if (ex.IsTransient || ex.StatusCode == HttpStatusCode.Conflict)
        {
            return Retry(batch, status, ex.RequestId, message, maybeDelivered: true, null);
        }

        return Failed(batch, status, ex.RequestId, message);
    }

    private BatchOutcome Retry(ClaimedBatch batch, int? status, string? requestId, string error, bool maybeDelivered, TimeSpan? retryAfter)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        if (now - batch.FirstSentAt > settings.GiveUpAfter)
        {
            return Failed(batch, status, requestId, $"{error} — LINE kept failing since the first try; stopped before its retry key expires (24 h).");
        }

        var exponent = Math.Min(20, Math.Max(0, batch.Attempts - 1));
        var delay = TimeSpan.FromTicks(Math.Min(settings.MaxRetryDelay.Ticks, settings.FirstRetryDelay.Ticks << exponent));
        delay = TimeSpan.FromTicks((long)(delay.Ticks * (0.8 + (Random.Shared.NextDouble() * 0.4))));
        if (retryAfter is { } after && after > delay)
        {
            delay = after;
        }

        return new BatchOutcome(batch.Id, batch.RunId, BatchOutcomeKind.Retry)
        {
            StatusCode = status,
            RequestId = requestId,
            Error = error,
            MaybeDelivered = maybeDelivered,
            NextAttemptAt = now + delay,
        };
    }

    private static BatchOutcome Failed(ClaimedBatch batch, int? status, string? requestId, string error) =>
        new(batch.Id, batch.RunId, BatchOutcomeKind.Failed) { StatusCode = status, RequestId = requestId, Error = error };

    private async ValueTask<RunMessages> MessagesAsync(ClaimedBatch batch, CancellationToken cancellationToken)
    {
        if (_messages.TryGetValue((batch.RunId, batch.Language), out var cached))
        {
            return cached;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var run = await connection.QuerySingleAsync<(string Messages, long BroadcastId)>(new CommandDefinition(
            "SELECT messages, broadcast_id FROM broadcast_runs WHERE id = @Id", new { Id = batch.RunId }, cancellationToken: cancellationToken));
        var linked = await links.RewriteAsync(run.BroadcastId, "line", run.Messages, cancellationToken);
        var messages = new RunMessages(PreparedMessages.Create(MessageCompiler.For(linked, batch.Language)), AggregationUnits.Of(run.BroadcastId));
        if (_messages.Count > 1000)
        {
            _messages.Clear();
        }

        _messages[(batch.RunId, batch.Language)] = messages;
        return messages;
    }

    /// <summary>A run's messages in one language, and the aggregation unit LINE counts their readers under.</summary>
    private sealed record RunMessages(PreparedMessages Messages, string Unit);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure sending broadcast batch {BatchId}; it goes again with the same retry key")]
    private partial void LogUnexpected(Exception exception, long batchId);
}
