using System.Threading.Channels;
using Dapper;
using Microsoft.Extensions.Options;
using OutreachBot.Line.Webhooks;

namespace OutreachBot.Webhook;

/// <summary>
/// Stores webhook events durably with group commit: requests that arrive while a transaction is being written wait
/// for the next one, which stores all of them at once. One fsync then serves many webhooks, so durability does not cost
/// throughput. A redelivered event (same <c>webhookEventId</c>) is a no-op.
/// </summary>
public sealed partial class InboxWriter(
    Database database,
    InboxSignal signal,
    IOptions<InboxOptions> options,
    TimeProvider time,
    ILogger<InboxWriter> logger) : IHostedService
{
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private Task? _loop;
    private long _commits;

    /// <summary>Transactions committed since start; fewer than requests under load is the point of group commit.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Completes once every event is committed; throws when the commit failed (nothing of the request is kept then).</summary>
    public async Task StoreAsync(IReadOnlyList<RawWebhookEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return;
        }

        var write = new PendingWrite(events);
        if (!_queue.Writer.TryWrite(write))
        {
            throw new InvalidOperationException("The inbox is shutting down and takes no more events.");
        }

        await write.Committed.Task.WaitAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(WriteUntilCompletedAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Takes no more requests, but stores every one already accepted before returning.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        if (_loop is not null)
        {
            await _loop.WaitAsync(cancellationToken);
        }
    }

    private async Task WriteUntilCompletedAsync()
    {
        var batch = new List<PendingWrite>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < options.Value.MaxRequestsPerCommit && _queue.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            await CommitAsync(batch);
            batch.Clear();
        }
    }

    /// <summary>
    /// Stores the batch in one transaction. When that fails, each request is tried alone, so an event the database
    /// refuses fails only the request that carried it, and the others' callers still get their 200.
    /// </summary>
    private async Task CommitAsync(List<PendingWrite> batch)
    {
        try
        {
            await InsertAsync(batch);
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            LogGroupFailed(ex, batch.Count);
            foreach (var write in batch)
            {
                await CommitAloneAsync(write);
            }

            signal.Notify();
            return;
        }
        catch (Exception ex)
        {
            LogCommitFailed(ex);
            batch[0].Committed.TrySetException(ex);
            return;
        }

        foreach (var write in batch)
        {
            write.Committed.TrySetResult();
        }

        signal.Notify();
    }

    private async Task CommitAloneAsync(PendingWrite write)
    {
        try
        {
            await InsertAsync([write]);
            write.Committed.TrySetResult();
        }
        catch (Exception ex)
        {
            LogCommitFailed(ex);
            write.Committed.TrySetException(ex);
        }
    }

    private async Task InsertAsync(List<PendingWrite> batch)
    {
        var receivedAt = time.GetUtcNow();
        var rows = batch.SelectMany(w => w.Events).Select(e => new
        {
            e.EventId,
            e.Type,
            e.SourceKey,
            e.Timestamp,
            e.IsRedelivery,
            e.Json,
            ReceivedAt = receivedAt,
        });
        await using var connection = await database.OpenDurableAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO inbox_events
                (webhook_event_id, event_type, source_key, event_timestamp, is_redelivery, payload, received_at, next_attempt_at)
            VALUES (@EventId, @Type, @SourceKey, @Timestamp, @IsRedelivery, @Json, @ReceivedAt, @ReceivedAt)
            ON CONFLICT (webhook_event_id) DO NOTHING
            """,
            rows,
            transaction);
        await transaction.CommitAsync();
        Interlocked.Increment(ref _commits);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing {Requests} webhook requests together failed; storing each alone")]
    private partial void LogGroupFailed(Exception exception, int requests);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing a webhook request failed; LINE is answered 500 and may redeliver")]
    private partial void LogCommitFailed(Exception exception);

    private sealed record PendingWrite(IReadOnlyList<RawWebhookEvent> Events)
    {
        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
