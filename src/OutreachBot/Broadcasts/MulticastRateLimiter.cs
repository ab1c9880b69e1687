using Microsoft.Extensions.Options;

namespace OutreachBot.Broadcasts;

/// <summary>
/// Keeps multicast requests under <see cref="PerSecond"/> in every window of a second, wherever the window starts, as
/// LINE counts them (on arrival). Permits are spaced evenly, one every window / rate (the window being a second plus
/// <c>RateWindowMargin</c>), and handed out in the order asked for; a burst would put a second window's worth right
/// after the first and let a few milliseconds of network jitter push both into one second at LINE. Turns that fall due
/// together after a pause are handed out at least half a spacing apart. A log of the
/// permits actually given holds the hard line when a permit comes late (a slow timer, a pause) or the rate is lowered.
/// Every request passes it, retries and 429s included: they count at LINE too. With several instances,
/// <see cref="IRateShare"/> says how much of the ceiling is this process's (see <see cref="ClusterRateShare"/>).
/// </summary>
public sealed class MulticastRateLimiter
{
    private static readonly TimeSpan NoShareRecheck = TimeSpan.FromMilliseconds(50);
    private readonly TimeProvider _time;
    private readonly IRateShare _share;
    private readonly int _ceiling;
    private readonly long _window;
    private readonly Queue<long> _given = new();
    private readonly Lock _gate = new();
    private long _nextSlot;
    private long _lastGiven;

    public MulticastRateLimiter(IOptions<BroadcastOptions> options, TimeProvider time, IRateShare share)
    {
        _time = time;
        _share = share;
        _ceiling = options.Value.MulticastPerSecond;
        _window = (long)((TimeSpan.FromSeconds(1) + options.Value.RateWindowMargin).TotalSeconds * time.TimestampFrequency);
    }

    /// <summary>Requests this process may send in any one-second window now: its share of the ceiling (0 while it has none).</summary>
    public int PerSecond => Unlimited ? 0 : _share.PerWindow(_ceiling);

    public bool Unlimited => _ceiling == 0;

    /// <summary>Waits for a permit. The permit is taken at the moment this returns, so the caller sends at once.</summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        if (Unlimited)
        {
            return;
        }

        long? slot = null;
        while (true)
        {
            if (PerSecond == 0)
            {
                // No share yet (another instance holds the whole ceiling): a turn taken now would not be spaced.
                slot = null;
                await Task.Delay(NoShareRecheck, _time, cancellationToken);
                continue;
            }

            slot ??= Reserve();
            var wait = slot.Value - _time.GetTimestamp();
            if (wait > 0)
            {
                // Rounded up, and looked at again after: a timer that fires a hair early must not shorten the spacing.
                await Task.Delay(TimeSpan.FromTicks(((wait * TimeSpan.TicksPerSecond) + _time.TimestampFrequency - 1) / _time.TimestampFrequency), _time, cancellationToken);
                continue;
            }

            if (TryTake(out var retryAt))
            {
                return;
            }

            slot = retryAt;
        }
    }

    /// <summary>The caller's turn: the first free slot, at least one spacing after the previous caller's.</summary>
    private long Reserve()
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            var slot = Math.Max(now, _nextSlot);
            _nextSlot = slot + Spacing();
            return slot;
        }
    }

    /// <summary>Takes the permit unless the window already holds the rate; then says when to look again.</summary>
    private bool TryTake(out long retryAt)
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            while (_given.Count > 0 && _given.Peek() <= now - _window)
            {
                _given.Dequeue();
            }

            var perSecond = PerSecond;
            var gap = Spacing() / 2;
            if (perSecond > 0 && _given.Count < perSecond && (_given.Count == 0 || now - _lastGiven >= gap))
            {
                _given.Enqueue(now);
                _lastGiven = now;
                retryAt = 0;
                return true;
            }

            if (perSecond > 0 && _given.Count < perSecond)
            {
                // Turns that came due together after a pause (a collection, a busy core) go out at twice the pace
                // until they are back on time, not all in the same millisecond.
                retryAt = _lastGiven + gap;
                return false;
            }

            // The share went to none (looked at again by the caller), or the rate was lowered, or permits came late and
            // bunched: wait until the oldest that counts leaves the window.
            retryAt = perSecond == 0 ? now : _given.ElementAt(_given.Count - perSecond) + _window + 1;
            return false;
        }
    }

    private long Spacing()
    {
        var perSecond = PerSecond;
        return perSecond == 0 ? 0 : (_window + perSecond - 1) / perSecond;
    }
}
