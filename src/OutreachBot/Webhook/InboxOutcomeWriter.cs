using System.Collections.Concurrent;

namespace OutreachBot.Webhook;

/// <summary>
/// Records the processor's outcomes with group commit: the handlers that finish while one transaction is being written
/// share the next one. On SQLite every transaction waits its turn behind the inbox's own group commits, so one turn per
/// event would let the processor fall behind the webhooks; one turn per group keeps pace. Each caller's task completes
/// once its outcome is committed.
/// </summary>
public sealed class InboxOutcomeWriter(InboxStore store) : IDisposable
{
    private readonly ConcurrentQueue<Pending> _queue = new();
    private readonly SemaphoreSlim _committer = new(1, 1);

    public async Task RecordAsync(InboxOutcomeRecord outcome)
    {
        var pending = new Pending(outcome);
        _queue.Enqueue(pending);
        await _committer.WaitAsync();
        try
        {
            if (!pending.Recorded.Task.IsCompleted)
            {
                await CommitQueuedAsync();
            }
        }
        finally
        {
            _committer.Release();
        }

        await pending.Recorded.Task;
    }

    private async Task CommitQueuedAsync()
    {
        var batch = new List<Pending>();
        while (_queue.TryDequeue(out var next))
        {
            batch.Add(next);
        }

        try
        {
            await store.RecordAsync([.. batch.Select(p => p.Outcome)], CancellationToken.None);
        }
        catch (Exception ex)
        {
            batch.ForEach(p => p.Recorded.TrySetException(ex));
            return;
        }

        batch.ForEach(p => p.Recorded.TrySetResult());
    }

    public void Dispose() => _committer.Dispose();

    private sealed record Pending(InboxOutcomeRecord Outcome)
    {
        public TaskCompletionSource Recorded { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
