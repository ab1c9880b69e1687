using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using OutreachBot.Staff;

namespace OutreachBot.StaffConsole;

/// <summary>
/// Failed sign-ins (wrong or unknown username, wrong password, a wrong current password on the change form) per client
/// address over the last minute. An address with <c>Console:SignInAttemptsPerMinute</c> of them has its further attempts
/// refused unchecked until the oldest is a minute old, so guessing costs a minute per handful of guesses. Successful
/// sign-ins are not counted: an office behind one address signs in freely. Each instance counts its own.
/// </summary>
public sealed class SignInThrottle(IOptions<ConsoleOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private const int SweepAbove = 10_000;
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    public bool Refuses(string address)
    {
        if (!_failures.TryGetValue(address, out var failures))
        {
            return false;
        }

        lock (failures)
        {
            Forget(failures, time.GetUtcNow());
            return failures.Count >= options.Value.SignInAttemptsPerMinute;
        }
    }

    public void RecordFailure(string address)
    {
        var now = time.GetUtcNow();
        var failures = _failures.GetOrAdd(address, _ => new Queue<DateTimeOffset>());
        lock (failures)
        {
            Forget(failures, now);
            failures.Enqueue(now);
        }

        if (_failures.Count > SweepAbove)
        {
            Sweep(now);
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (address, failures) in _failures)
        {
            lock (failures)
            {
                Forget(failures, now);
                if (failures.Count == 0)
                {
                    _failures.TryRemove(new KeyValuePair<string, Queue<DateTimeOffset>>(address, failures));
                }
            }
        }
    }

    private static void Forget(Queue<DateTimeOffset> failures, DateTimeOffset now)
    {
        while (failures.TryPeek(out var oldest) && now - oldest >= Window)
        {
            failures.Dequeue();
        }
    }
}
