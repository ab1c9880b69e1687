namespace OutreachBot.LineEmulator.Api;

/// <summary>
/// The month's message count: push and multicast count one per recipient delivered to; replies are free. The month
/// turns in Japan time, as LINE's billing does.
/// </summary>
public sealed class QuotaBook(TimeProvider time)
{
    private static readonly TimeSpan Japan = TimeSpan.FromHours(9);
    private readonly Lock _gate = new();
    private (int Year, int Month) _month;
    private long _used;

    public long Used
    {
        get
        {
            lock (_gate)
            {
                Roll();
                return _used;
            }
        }
    }

    /// <summary>Counts <paramref name="recipients"/> unless that would pass <paramref name="limit"/>; false when over.</summary>
    public bool TryConsume(int recipients, long? limit)
    {
        lock (_gate)
        {
            Roll();
            if (limit is { } max && _used + recipients > max)
            {
                return false;
            }

            _used += recipients;
            return true;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _used = 0;
        }
    }

    private void Roll()
    {
        var now = time.GetUtcNow().ToOffset(Japan);
        if (_month != (now.Year, now.Month))
        {
            _month = (now.Year, now.Month);
            _used = 0;
        }
    }
}
