using Microsoft.Extensions.Options;
using OutreachBot.Hosting;

namespace OutreachBot.Broadcasts.Fanout;

/// <summary>
/// Resumes snapshots whose writer stopped (a crash, a shutdown, a database error): each is taken over with a lease, so
/// that exactly one process continues it after its last committed chunk. Also finishes runs whose last outcome and
/// last chunk were committed at the same moment and so missed each other.
/// </summary>
public sealed partial class SnapshotResumer(
    BatchSnapshot snapshot,
    SnapshotLeases leases,
    BroadcastStore store,
    BatchLedger ledger,
    IOptions<BroadcastOptions> options,
    ILogger<SnapshotResumer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await OrphanRelease.RunAsync(leases.ReleaseOrphanedAsync, LogReleased, LogFailed, stoppingToken);
        await PeriodicRounds.RunAsync(ResumeOrphansAsync, () => options.Value.PollInterval, LogFailed, TimeProvider.System, stoppingToken);
    }

    private async Task ResumeOrphansAsync(CancellationToken cancellationToken)
    {
        await ledger.FinishIdleRunsAsync(cancellationToken);
        foreach (var runId in await leases.OrphansAsync(cancellationToken))
        {
            await ResumeAsync(runId, cancellationToken);
        }
    }

    private async Task ResumeAsync(long runId, CancellationToken stoppingToken)
    {
        if (await leases.ClaimAsync(runId, stoppingToken) is not { } claimed)
        {
            return;
        }

        var broadcast = await store.FindAsync(claimed.BroadcastId, stoppingToken)
            ?? throw new InvalidOperationException($"Run {runId} belongs to broadcast {claimed.BroadcastId}, which does not exist.");
        LogResuming(runId, claimed.Lease.Cursor is not null);
        var (status, targeted) = await snapshot.WriteAsync(claimed.Lease, broadcast.Target, claimed.Messages, broadcast.Channels.Contains(BroadcastChannel.Line), stoppingToken);
        LogResumed(runId, targeted, status);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Released {Count} snapshot leases of a process that stopped; their snapshots resume")]
    private partial void LogReleased(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resuming the snapshot of run {RunId} (after a committed chunk: {HasCursor})")]
    private partial void LogResuming(long runId, bool hasCursor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Snapshot of run {RunId} written: {Targeted} recipients, {Status}")]
    private partial void LogResumed(long runId, long targeted, RunStatus status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not resume broadcast snapshots; trying again")]
    private partial void LogFailed(Exception exception);
}
