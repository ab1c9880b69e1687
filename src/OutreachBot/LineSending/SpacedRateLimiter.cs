namespace OutreachBot.LineSending;

/// <summary>
/// Keeps requests to one LINE endpoint under <see cref="PerSecond"/> in every window of a second, wherever the window
/// starts, as LINE counts them (on arrival). Permits are spaced evenly, one every second / rate, and handed out in the order asked
/// for; a burst would put a second window's worth right after the first and let a few milliseconds of network jitter
/// push both into one second at LINE.
/// The hard line does not trust the spacing: a request arrives at LINE somewhere between its permit and its answer
/// (a cold connection, a pause or a busy core can hold it back and bunch it with later ones), so a request counts in
/// the window from its permit until a full window after its answer. No permit is given while the requests counted
/// so fill the rate; then every window at LINE holds at most the rate, whatever happened on the way.
/// Every request passes it, retries and 429s included: they count at LINE too. With several instances,
/// <see cref="IRateShare"/> says how much of the ceiling is this process's (see <see cref="ClusterRateShare"/>).
/// </summary>
public abstract class SpacedRateLimiter
{
    private static readonly TimeSpan NoShareRecheck = TimeSpan.FromMilliseconds(50);
    private readonly TimeProvider _time;
    private readonly IRateShare _share;
    private readonly int _ceiling;
    private readonly long _window;
    private readonly Queue<long> _answered = new();
    private readonly Lock _gate = new();
    private long _nextSlot;
    private int _inFlight;

    /// <param name="ceiling">Requests per second for the whole channel; 0 = no ceiling.</param>
    protected SpacedRateLimiter(int ceiling, TimeProvider time, IRateShare share)
    {
        _time = time;
        _share = share;
        _ceiling = ceiling;
        _window = time.TimestampFrequency;
    }

    /// <summary>Requests this process may send in any one-second window now: its share of the ceiling (0 while it has none).</summary>
    public int PerSecond => Unlimited ? 0 : _share.PerWindow(_ceiling);

    public bool Unlimited => _ceiling == 0;

    /// <summary>
    /// Waits for a permit. The permit is taken at the moment this returns, so the caller sends at once, and disposes
    /// the permit when LINE has answered (or the attempt ended without an answer).
    /// </summary>
    public async ValueTask<RatePermit> WaitAsync(CancellationToken cancellationToken)
    {
        if (Unlimited)
        {
            return RatePermit.None;
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
                // Rounded up, and looked at again after: a timer that fires a hair early must not shorten the spacing. To whole
                // milliseconds, as timers count: a shorter wait comes back at once and spins (a core's worth at 2,000 a second).
                await Task.Delay(TimeSpan.FromMilliseconds(((wait * 1000) + _time.TimestampFrequency - 1) / _time.TimestampFrequency), _time, cancellationToken);
                continue;
            }

            if (TryTake(out var retryAt))
            {
                return new RatePermit(this);
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
            while (_answered.Count > 0 && _answered.Peek() <= now - _window)
            {
                _answered.Dequeue();
            }

            var perSecond = PerSecond;
            var counted = _inFlight + _answered.Count;
            if (perSecond > 0 && counted < perSecond)
            {
                _inFlight++;
                retryAt = 0;
                return true;
            }

            // The share went to none (looked at again by the caller), or the rate was lowered, or requests came late and
            // bunched: wait until enough answered ones leave the window, or look again a spacing later while the requests
            // still unanswered are what fills it.
            var mustLeave = counted - perSecond + 1;
            retryAt = perSecond == 0 ? now
                : mustLeave <= _answered.Count ? _answered.ElementAt(mustLeave - 1) + _window + 1
                : now + Spacing();
            return false;
        }
    }

    internal void Answered()
    {
        lock (_gate)
        {
            _inFlight--;
            _answered.Enqueue(_time.GetTimestamp());
        }
    }

    private long Spacing()
    {
        var perSecond = PerSecond;
        return perSecond == 0 ? 0 : (_window + perSecond - 1) / perSecond;
    }
}

/// <summary>One request's place in the window: dispose it when LINE has answered, or the attempt ended without an answer.</summary>
public sealed class RatePermit : IDisposable
{
    internal static readonly RatePermit None = new(null);

    private SpacedRateLimiter? _limiter;

    internal RatePermit(SpacedRateLimiter? limiter) => _limiter = limiter;

    public void Dispose() => Interlocked.Exchange(ref _limiter, null)?.Answered();
}
