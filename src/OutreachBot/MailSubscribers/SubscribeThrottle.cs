using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace OutreachBot.MailSubscribers;

/// <summary>
/// Sign-ups per client address over the last hour, so that one machine cannot make the form mail many addresses. Each
/// instance counts its own, as the console's sign-in throttle does.
/// </summary>
public sealed class SubscribeThrottle(IOptions<MailSubscriberOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private const int SweepAbove = 10_000;
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _attempts = new(StringComparer.Ordinal);

    /// <summary>Counts an attempt from <paramref name="address"/>; false when the address already used up its hour.</summary>
    public bool TryTake(string address)
    {
        var now = time.GetUtcNow();
        if (_attempts.Count > SweepAbove)
        {
            Sweep(now);
        }

        var attempts = _attempts.GetOrAdd(address, _ => new Queue<DateTimeOffset>());
        lock (attempts)
        {
            Forget(attempts, now);
            if (attempts.Count >= options.Value.SubscribesPerIpPerHour)
            {
                return false;
            }

            attempts.Enqueue(now);
            return true;
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (address, attempts) in _attempts)
        {
            lock (attempts)
            {
                Forget(attempts, now);
                if (attempts.Count == 0)
                {
                    _attempts.TryRemove(new KeyValuePair<string, Queue<DateTimeOffset>>(address, attempts));
                }
            }
        }
    }

    private static void Forget(Queue<DateTimeOffset> attempts, DateTimeOffset now)
    {
        while (attempts.TryPeek(out var oldest) && now - oldest >= Window)
        {
            attempts.Dequeue();
        }
    }
}
