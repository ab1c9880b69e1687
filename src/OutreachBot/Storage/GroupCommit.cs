using System.Collections.Concurrent;

namespace OutreachBot.Storage;

/// <summary>
/// Writes what concurrent callers submit in shared transactions: the items that arrive while one group is committed
/// make up the next, so under load each commit (its write turn, its pages written to the log) serves many callers.
/// Each caller gets its own item's result once its group is committed. A failed group is tried again one item at a
/// time, so that an item that cannot be written fails alone and takes no other caller's write with it.
/// </summary>
public sealed class GroupCommit<TItem, TResult>(Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> commit) : IDisposable
{
    private readonly ConcurrentQueue<Pending> _queue = new();
    private readonly SemaphoreSlim _committer = new(1, 1);

    public async Task<TResult> SubmitAsync(TItem item)
    {
        var pending = new Pending(item);
        _queue.Enqueue(pending);
        await _committer.WaitAsync();
        try
        {
            if (!pending.Result.Task.IsCompleted)
            {
                await CommitQueuedAsync();
            }
        }
        finally
        {
            _committer.Release();
        }

        return await pending.Result.Task;
    }

    private async Task CommitQueuedAsync()
    {
        var group = new List<Pending>();
        while (_queue.TryDequeue(out var next))
        {
            group.Add(next);
        }

        IReadOnlyList<TResult> results;
        try
        {
            results = await commit([.. group.Select(p => p.Item)]);
        }
        catch (Exception) when (group.Count > 1)
        {
            foreach (var pending in group)
            {
                await CommitAloneAsync(pending);
            }

            return;
        }
        catch (Exception ex)
        {
            group[0].Result.TrySetException(ex);
            return;
        }

        Complete(group, results);
    }

    private async Task CommitAloneAsync(Pending pending)
    {
        try
        {
            Complete([pending], await commit([pending.Item]));
        }
        catch (Exception ex)
        {
            pending.Result.TrySetException(ex);
        }
    }

    private static void Complete(List<Pending> group, IReadOnlyList<TResult> results)
    {
        for (var i = 0; i < group.Count; i++)
        {
            if (i < results.Count)
            {
                group[i].Result.TrySetResult(results[i]);
            }
            else
            {
                group[i].Result.TrySetException(new InvalidOperationException($"A group commit of {group.Count} items returned {results.Count} results."));
            }
        }
    }

    public void Dispose() => _committer.Dispose();

    private sealed class Pending(TItem item)
    {
        public TItem Item => item;

        public TaskCompletionSource<TResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
