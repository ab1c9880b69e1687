using Microsoft.Extensions.Options;

namespace OutreachBot.Broadcasts;

/// <summary>
/// A token bucket of <c>MulticastPerSecond</c> tokens in which each token comes back exactly one window (a second plus
/// <c>RateWindowMargin</c>) after it was spent. That is the strict reading of "N requests per second": no window of a
/// second, wherever it starts, ever holds more than N requests, yet a full second's worth may go at once, so N requests
/// a second are really reached (a bucket that refills continuously would allow up to 2N in some second, or lose speed).
/// Every request passes it, retries and 429s included: they count at LINE too. With several instances, <see cref="IRateShare"/>
/// says how many of the N this process may hold in a window (see <see cref="ClusterRateShare"/>).
/// </summary>
public sealed class MulticastRateLimiter
{
    private static readonly TimeSpan NoShareRecheck = TimeSpan.FromMilliseconds(50);
    private readonly TimeProvider _time;
    private readonly IRateShare _share;
    private readonly long[]? _spent;
    private readonly TimeSpan _window;
    private readonly Lock _gate = new();
    private int _next;
    private long _count;

    public MulticastRateLimiter(IOptions<BroadcastOptions> options, TimeProvider time, IRateShare share)
    {
        _time = time;
        _share = share;
        var perSecond = options.Value.MulticastPerSecond;
        _spent = perSecond == 0 ? null : new long[perSecond];
        _window = TimeSpan.FromSeconds(1) + options.Value.RateWindowMargin;
    }

    public bool Unlimited => _spent is null;

    /// <summary>Waits for a token. The token is taken at the moment this returns, so the caller sends at once.</summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        if (_spent is null)
        {
            return;
        }

        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = _time.GetTimestamp();
                var allowed = _share.PerWindow(_spent.Length);
                if (allowed > 0 && _count < allowed)
                {
                    Spend(now);
                    return;
                }

                // With `allowed` tokens, the allowed-th most recent spend comes back one window after it was spent.
                var back = allowed == 0
                    ? now + (long)(NoShareRecheck.TotalSeconds * _time.TimestampFrequency)
                    : _spent[(_next - allowed + _spent.Length) % _spent.Length] + (long)(_window.TotalSeconds * _time.TimestampFrequency);
                if (allowed > 0 && now >= back)
                {
                    Spend(now);
                    return;
                }

                wait = TimeSpan.FromSeconds((double)(back - now) / _time.TimestampFrequency);
            }

            await Task.Delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait, _time, cancellationToken);
        }
    }

    private void Spend(long now)
    {
        _spent![_next] = now;
        _next = (_next + 1) % _spent.Length;
        _count++;
    }
}
