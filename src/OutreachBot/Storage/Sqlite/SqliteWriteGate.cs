using Microsoft.Data.Sqlite;

namespace OutreachBot.Storage;

/// <summary>
/// Gives this process's SQLite writers the database's one write lock in turns. Left to SQLite, a writer that finds the
/// lock taken sleeps and retries (up to 100 ms a time), so a writer that commits back to back, as the inbox's group
/// commit does under load, takes it again before any sleeper wakes and the others starve.
/// Here the other writers are served first come, first served, and a commit that someone is waiting on (a durable one:
/// webhooks are answered after it) lets <c>othersPerDurable</c> of them go first on average: at most 4 before each
/// durable commit at 4, one before every fourth durable commit at 0.25. So acknowledgements stay fast under load while
/// the rest keeps a guaranteed share of the turns, and gets all of them once the load ends.
/// </summary>
public sealed class SqliteWriteGate(TimeSpan timeout, double othersPerDurable = SqliteWriteGate.DefaultOthersPerDurable)
{
    public const double DefaultOthersPerDurable = 0.25;

    private readonly double _othersPerDurable = othersPerDurable;
    private readonly Lock _lock = new();
    private readonly LinkedList<TaskCompletionSource> _durable = new();
    private readonly LinkedList<TaskCompletionSource> _others = new();
    private bool _held;

    /// <summary>How many other writes may still go before a waiting durable commit; at first as if one had just gone.</summary>
    private double _othersAllowed = othersPerDurable;

    public async ValueTask<Turn> EnterAsync(bool durable, CancellationToken cancellationToken)
    {
        LinkedListNode<TaskCompletionSource> waiter;
        lock (_lock)
        {
            if (!_held)
            {
                _held = true;
                return new Turn(this);
            }

            waiter = (durable ? _durable : _others).AddLast(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        try
        {
            await waiter.Value.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            lock (_lock)
            {
                if (waiter.List is { } queue)
                {
                    queue.Remove(waiter);
                    throw ex is TimeoutException ? Busy() : ex;
                }
            }

            // Handed the turn just as the wait ended: it is ours now.
        }

        return new Turn(this);
    }

    public Turn Enter(bool durable) => EnterAsync(durable, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    private void Release()
    {
        TaskCompletionSource? next;
        lock (_lock)
        {
            if (_durable.Count > 0 && (_others.Count == 0 || _othersAllowed < 1))
            {
                next = Dequeue(_durable);
                _othersAllowed = Math.Min(Math.Max(_othersAllowed, 0) + _othersPerDurable, Math.Max(_othersPerDurable, 1));
            }
            else if (_others.Count > 0)
            {
                next = Dequeue(_others);
                _othersAllowed--;
            }
            else
            {
                next = null;
                _held = false;
            }
        }

        next?.SetResult();
    }

    private static TaskCompletionSource Dequeue(LinkedList<TaskCompletionSource> queue)
    {
        var first = queue.First!;
        queue.RemoveFirst();
        return first.Value;
    }

    /// <summary>The same error SQLite gives a writer that waited its busy timeout out, so callers handle both alike.</summary>
    private SqliteException Busy() => new($"database is locked: this process's other writers held it for longer than {timeout}", 5);

    /// <summary>One writer's turn; ends once, however often it is disposed.</summary>
    public sealed class Turn(SqliteWriteGate gate) : IDisposable
    {
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
