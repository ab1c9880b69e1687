namespace OutreachBot.Broadcasts.Fanout;

/// <summary>
/// What <c>/readyz</c> reads of the fan-out: whether its loops run, and whether claiming batches or storing their
/// outcomes is failing now (since when, how many tries). Written on failures and on the first success after them only.
/// </summary>
public sealed class FanoutHealth(TimeProvider time)
{
    private Task? _recorder;
    private int _running;

    public FailureStreak Claims { get; } = new(time);

    public FailureStreak Outcomes { get; } = new(time);

    /// <summary>The worker runs and its outcome recorder has not stopped.</summary>
    public bool Alive => Volatile.Read(ref _running) == 1 && Volatile.Read(ref _recorder) is { IsCompleted: false };

    internal void Started(Task recorder)
    {
        Volatile.Write(ref _recorder, recorder);
        Volatile.Write(ref _running, 1);
    }

    internal void Stopped() => Volatile.Write(ref _running, 0);
}

/// <summary>Consecutive failures of one kind of database work; cleared by its next success.</summary>
public sealed class FailureStreak(TimeProvider time)
{
    private long _since;
    private int _tries;

    /// <summary>When the current run of failures began; null when the last try succeeded.</summary>
    public DateTimeOffset? FailingSince => Volatile.Read(ref _since) is var since and not 0 ? DateTimeOffset.FromUnixTimeMilliseconds(since) : null;

    public int Tries => Volatile.Read(ref _tries);

    internal void Failed()
    {
        Interlocked.CompareExchange(ref _since, time.GetUtcNow().ToUnixTimeMilliseconds(), 0);
        Interlocked.Increment(ref _tries);
    }

    internal void Succeeded()
    {
        if (Volatile.Read(ref _since) != 0)
        {
            Volatile.Write(ref _tries, 0);
            Volatile.Write(ref _since, 0);
        }
    }
}
