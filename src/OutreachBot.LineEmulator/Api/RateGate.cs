namespace OutreachBot.LineEmulator.Api;

/// <summary>LINE's per-channel request rates, as a fixed one-second window per endpoint.</summary>
internal sealed class RateGate(TimeProvider time)
{
    private readonly Dictionary<string, (long Second, int Count)> _windows = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public bool TryPass(string operation, int perSecond)
    {
        var second = time.GetUtcNow().ToUnixTimeSeconds();
        lock (_gate)
        {
            var window = _windows.TryGetValue(operation, out var w) && w.Second == second ? w : (Second: second, Count: 0);
            if (window.Count >= perSecond)
            {
                return false;
            }

            _windows[operation] = (second, window.Count + 1);
            return true;
        }
    }
}
