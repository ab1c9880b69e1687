using Quartz;

namespace OutreachBot.LineSending;

/// <summary>
/// On PostgreSQL the instances split LINE's ceiling by the live members of the Quartz cluster (its check-ins, read
/// with <see cref="IScheduler.QueryClusterNodes"/> every <see cref="Refresh"/>): of n live instances, the one at
/// position i (ordered by instance id) gets ceiling / n, plus one when i &lt; ceiling mod n, so the shares add up to the
/// ceiling exactly. The split stays strict while instances come and go:
/// <list type="bullet">
/// <item>a share that falls applies at once, and the limiter then waits until its last window is under the new share;</item>
/// <item>a joining instance sends nothing until two refreshes and one rate window after its own check-in is visible, by
/// when every other instance has lowered its share and its requests under the old share have left the window;</item>
/// <item>a dead instance keeps its share until Quartz declares it failed (check-in interval plus misfire threshold);</item>
/// <item>a stopping instance, one whose own check-in is failed, or one that cannot read the cluster sends nothing.</item>
/// </list>
/// </summary>
public sealed partial class ClusterRateShare(
    ISchedulerFactory schedulers,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<ClusterRateShare> logger) : BackgroundService, IRateShare
{
    public static readonly TimeSpan Refresh = TimeSpan.FromSeconds(1);

    private Slot _slot = Slot.None;
    private long? _visibleSince;

    public int PerWindow(int ceiling)
    {
        var slot = Volatile.Read(ref _slot);
        if (slot.Count == 0 || lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return 0;
        }

        return Split(ceiling, slot.Index, slot.Count);
    }

    /// <summary>The part of <paramref name="ceiling"/> for the instance at <paramref name="index"/> of <paramref name="count"/>; the parts add up to the ceiling.</summary>
    public static int Split(int ceiling, int index, int count) => (ceiling / count) + (index < ceiling % count ? 1 : 0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var hold = (2 * Refresh) + TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            Slot next;
            try
            {
                next = await ReadAsync(hold, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogUnreadable(ex);
                next = Slot.None;
            }

            var previous = Interlocked.Exchange(ref _slot, next);
            if (previous != next)
            {
                LogShare(next.Index, next.Count);
            }

            await Task.Delay(Refresh, time, stoppingToken);
        }
    }

    private async Task<Slot> ReadAsync(TimeSpan hold, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var nodes = await scheduler.QueryClusterNodes(cancellationToken);
        var self = nodes.Single(n => n.IsCurrentNode);
        if (self.LastCheckInUtc is null || self.State == ClusterNodeState.Failed)
        {
            // Not yet visible to the others, or given up by them: they count without this instance.
            _visibleSince = null;
            return Slot.None;
        }

        var now = time.GetTimestamp();
        _visibleSince ??= now;
        if (time.GetElapsedTime(_visibleSince.Value, now) < hold)
        {
            return Slot.None;
        }

        var live = nodes.Where(n => n.State != ClusterNodeState.Failed).Select(n => n.InstanceId).Order(StringComparer.Ordinal).ToList();
        return new Slot(live.IndexOf(self.InstanceId), live.Count);
    }

    private sealed record Slot(int Index, int Count)
    {
        public static readonly Slot None = new(0, 0);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Share of LINE's rate ceiling: position {Index} of {Count} live instances (0 of 0: not sending yet)")]
    private partial void LogShare(int index, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the cluster's members; sending nothing until they can be read")]
    private partial void LogUnreadable(Exception exception);
}
