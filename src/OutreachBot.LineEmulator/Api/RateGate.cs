namespace OutreachBot.LineEmulator.Api;

/// <summary>
/// LINE's per-channel request rates, counted the strict way: a request is refused when the window (a second, or an hour
/// for the rich menu batch) before its arrival already holds the rate, wherever that window starts (a fixed window from
/// whole seconds would let twice the rate through across a boundary).
/// </summary>
internal sealed class RateGate
{
    private readonly Dictionary<string, Queue<DateTimeOffset>> _arrivals = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public bool TryPass(string operation, int limit, TimeSpan window, DateTimeOffset arrived)
    {
        lock (_gate)
        {
            if (!_arrivals.TryGetValue(operation, out var arrivals))
            {
                _arrivals[operation] = arrivals = new Queue<DateTimeOffset>();
            }

            while (arrivals.Count > 0 && arrived - arrivals.Peek() >= window)
            {
                arrivals.Dequeue();
            }

            if (arrivals.Count >= limit)
            {
                return false;
            }

            arrivals.Enqueue(arrived);
            return true;
        }
    }
}
