using System.Collections.Concurrent;

namespace OutreachBot.Throttling;

/// <summary>
/// How often each key (a client address) did something over the last <c>window</c>, in this instance's memory. Keys
/// with nothing left in the window are forgotten once there are many, so a flood of addresses cannot fill the memory.
/// </summary>
public sealed class SlidingWindowCounts(TimeSpan window, TimeProvider time)
{
    private const int SweepAbove = 10_000;
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _times = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="key"/> did it <paramref name="limit"/> times or more within the window.</summary>
    public bool Reached(string key, int limit)
    {
        if (!_times.TryGetValue(key, out var times))
        {
            return false;
        }

        lock (times)
        {
            Forget(times, time.GetUtcNow());
            return times.Count >= limit;
        }
    }

    public void Add(string key) => TryAdd(key, int.MaxValue);

    /// <summary>Counts one more for <paramref name="key"/> unless it already reached <paramref name="limit"/>.</summary>
    public bool TryAdd(string key, int limit)
    {
        var now = time.GetUtcNow();
        if (_times.Count > SweepAbove)
        {
            Sweep(now);
        }

        var times = _times.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
        lock (times)
        {
            Forget(times, now);
            if (times.Count >= limit)
            {
                return false;
            }

            times.Enqueue(now);
            return true;
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, times) in _times)
        {
            lock (times)
            {
                Forget(times, now);
                if (times.Count == 0)
                {
                    _times.TryRemove(new KeyValuePair<string, Queue<DateTimeOffset>>(key, times));
                }
            }
        }
    }

    private void Forget(Queue<DateTimeOffset> times, DateTimeOffset now)
    {
        while (times.TryPeek(out var oldest) && now - oldest >= window)
        {
            times.Dequeue();
        }
    }
}
