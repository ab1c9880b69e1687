using Microsoft.Data.Sqlite;

namespace OutreachBot.Storage;

/// <summary>
/// Gives this process's SQLite writers the database's one write lock in the order they asked for it. Left to SQLite, a
/// writer that finds the lock taken sleeps and retries (up to 100 ms a time), so a writer that commits back to back, as
/// the inbox's group commit does under load, takes it again before any sleeper wakes and the others starve. Waiters of
/// <see cref="SemaphoreSlim.WaitAsync()"/> are served first come, first served, and a release hands the turn straight
/// to the first of them.
/// </summary>
public sealed class SqliteWriteGate(TimeSpan timeout) : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    public async ValueTask<Turn> EnterAsync(CancellationToken cancellationToken)
    {
        if (!await _turn.WaitAsync(timeout, cancellationToken))
        {
            throw Busy();
        }

        return new Turn(_turn);
    }

    public Turn Enter(CancellationToken cancellationToken = default)
    {
        if (!_turn.Wait(timeout, cancellationToken))
        {
            throw Busy();
        }

        return new Turn(_turn);
    }

    public void Dispose() => _turn.Dispose();

    /// <summary>The same error SQLite gives a writer that waited its busy timeout out, so callers handle both alike.</summary>
    private SqliteException Busy() => new($"database is locked: this process's other writers held it for longer than {timeout}", 5);

    /// <summary>One writer's turn; ends once, however often it is disposed.</summary>
    public sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                turn.Release();
            }
        }
    }
}
