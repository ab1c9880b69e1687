using Microsoft.Extensions.Options;
using Quartz;

namespace OutreachBot.Broadcasts.Scheduling;

/// <summary>
/// A broadcast's Quartz trigger in the persistent job store: one trigger per broadcast (<c>broadcast-{id}</c>) for the
/// one durable <see cref="BroadcastJob"/>, carrying only the broadcast's id. Late firings are always let through;
/// <see cref="BroadcastJob"/> decides against the misfire grace whether they still send or are recorded as missed.
/// </summary>
public sealed class BroadcastScheduling(ISchedulerFactory schedulers, IOptions<BotOptions> bot, TimeProvider time)
{
    public const string Group = "broadcasts";

    public static TriggerKey KeyOf(long broadcastId) => new($"broadcast-{broadcastId}", Group);

    public async Task ScheduleAsync(Broadcast broadcast, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var trigger = TriggerBuilder.Create(time)
            .WithIdentity(KeyOf(broadcast.Id))
            .ForJob(BroadcastJob.Key)
            .UsingJobData(BroadcastJob.BroadcastIdKey, broadcast.Id)
            .WithDescription(broadcast.Title.Length > 200 ? broadcast.Title[..200] : broadcast.Title);
        if (broadcast.Schedule.Kind == ScheduleKind.Cron)
        {
            trigger = trigger
                .StartAt(time.GetUtcNow())
                .WithSchedule(CronScheduleBuilder.Create(broadcast.Schedule.Cron!).InTimeZone(bot.Value.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed));
        }
        else
        {
            var at = broadcast.Schedule.SendAt ?? time.GetUtcNow();
            trigger = trigger.StartAt(at).WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow));
        }

        var built = trigger.Build();
        if (await scheduler.Exists(built.Key, cancellationToken))
        {
            await scheduler.RescheduleJob(built.Key, built, cancellationToken);
        }
        else
        {
            await scheduler.ScheduleJob(built, cancellationToken: cancellationToken);
        }
    }

    public async Task UnscheduleAsync(long broadcastId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.UnscheduleJob(KeyOf(broadcastId), cancellationToken);
    }

    /// <summary>When the trigger fires next, or null when it is not scheduled.</summary>
    public async Task<DateTimeOffset?> NextFireAsync(long broadcastId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var trigger = await scheduler.GetTrigger(KeyOf(broadcastId), cancellationToken);
        return trigger?.NextFireTimeUtc;
    }
}
