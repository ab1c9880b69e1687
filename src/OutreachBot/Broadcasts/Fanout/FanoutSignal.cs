using System.Collections.Concurrent;

namespace OutreachBot.Broadcasts.Fanout;

/// <summary>Wakes the fan-out when a run is ready, and tells its senders which runs were cancelled meanwhile (in this process).</summary>
public sealed class FanoutSignal : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly ConcurrentDictionary<long, byte> _cancelledRuns = new();

    public void Wake()
    {
        try
        {
            if (_wake.CurrentCount == 0)
            {
                _wake.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already awake.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);

    public void Cancelled(IEnumerable<long> runIds)
    {
        foreach (var id in runIds)
        {
            _cancelledRuns[id] = 0;
        }
    }

    public bool IsCancelled(long runId) => _cancelledRuns.ContainsKey(runId);

    public void Dispose() => _wake.Dispose();
}
