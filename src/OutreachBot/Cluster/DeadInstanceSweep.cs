using Microsoft.Extensions.Options;
using OutreachBot.Hosting;
using Quartz;

namespace OutreachBot.Cluster;

/// <summary>
/// On PostgreSQL, takes over a dead instance's claims as soon as the cluster knows it is dead, by the rule Quartz
/// recovers its jobs with (<see cref="ClusterNodeState.Failed"/>: silent past its check-in interval and the misfire
/// threshold), instead of waiting for the claims' leases. Every check-in interval it reads the cluster's members: one
/// listed as failed, or one seen earlier that has left the list (Quartz deletes a failed member's row once it has
/// recovered its jobs), is dead. A member that has not checked in yet is not known here, so its claims are never touched.
/// Claims under this instance's own id made before this process started are its predecessor's (instance ids differ
/// between instances running at once; a host restarted under its own id takes them back, as Quartz takes back its jobs).
/// </summary>
public sealed partial class DeadInstanceSweep(
    ISchedulerFactory schedulers,
    DeadInstanceClaims claims,
    IOptions<ClusterOptions> cluster,
    TimeProvider time,
    ILogger<DeadInstanceSweep> logger) : BackgroundService
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly DateTimeOffset _started = time.GetUtcNow();
    private bool _predecessorReleased;

    /// <summary>Dead members whose claims are not yet released, with when they were found dead.</summary>
    private readonly Dictionary<string, DateTimeOffset> _dead = new(StringComparer.Ordinal);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicRounds.RunAsync(SweepAsync, () => cluster.Value.CheckinInterval, LogFailed, time, stoppingToken);

    /// <summary>Reads the members once and releases what the dead ones held.</summary>
    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        if (!_predecessorReleased)
        {
            var count = await claims.ReleaseAsync(cluster.Value.InstanceId, _started, cancellationToken);
            _predecessorReleased = true;
            if (count > 0)
            {
                LogPredecessorTakenOver(count);
            }
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var nodes = await scheduler.QueryClusterNodes(cancellationToken);
        var now = time.GetUtcNow();
        var others = nodes.Where(n => !n.IsCurrentNode && n.InstanceId != cluster.Value.InstanceId).ToList();
        var living = others.Where(n => n.State != ClusterNodeState.Failed).Select(n => n.InstanceId).ToHashSet(StringComparer.Ordinal);
        foreach (var id in others.Where(n => n.State == ClusterNodeState.Failed).Select(n => n.InstanceId).Concat(_seen.Where(id => !living.Contains(id))))
        {
            _dead.TryAdd(id, now);
        }

        _seen.Clear();
        _seen.UnionWith(living);
        foreach (var id in living)
        {
            _dead.Remove(id);
        }

        foreach (var (id, deadSince) in _dead.ToList())
        {
            var count = await claims.ReleaseAsync(id, deadSince, cancellationToken);
            _dead.Remove(id);
            LogTakenOver(id, count);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {InstanceId} stopped checking in: took over its {Count} claims")]
    private partial void LogTakenOver(string instanceId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Took over {Count} claims left under this instance's id by the process before it")]
    private partial void LogPredecessorTakenOver(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not look for dead instances' claims; trying again at the next check-in")]
    private partial void LogFailed(Exception exception);
}
