using OutreachBot.Hosting;
using Quartz;

namespace OutreachBot.Broadcasts.Scheduling;

/// <summary>
/// At start and every half minute, fires again the one-offs marked fired whose run was never made (the process stopped
/// while <see cref="BroadcastJob"/> waited for the database): each is sent, or recorded as missed when past the grace.
/// A firing still in progress elsewhere is harmless: a run is made once per occurrence.
/// </summary>
public sealed partial class FiredBroadcastSweep(
    BroadcastStore store, IServiceScopeFactory scopes, ISchedulerFactory schedulers, ILogger<FiredBroadcastSweep> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Quartz fires its due triggers once it has started; only what is left after that is an orphan.
        var scheduler = await schedulers.GetScheduler(stoppingToken);
        while (await scheduler.GetStatus(stoppingToken) != SchedulerStatus.Running)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), stoppingToken);
        }

        await PeriodicRounds.RunAsync(FireOrphansAsync, () => Interval, LogFailed, TimeProvider.System, stoppingToken);
    }

    private async Task FireOrphansAsync(CancellationToken cancellationToken)
    {
        foreach (var id in await store.FiredWithoutRunAsync(cancellationToken))
        {
            LogFound(id);
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<BroadcastJob>().FireAsync(id, null, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broadcast {BroadcastId} fired without a run being made; firing it again")]
    private partial void LogFound(long broadcastId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not look for fired broadcasts without a run; trying again later")]
    private partial void LogFailed(Exception exception);
}
