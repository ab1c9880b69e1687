using Dapper;
using Microsoft.Extensions.Options;
using OutreachBot.Broadcasts.Authoring;
using OutreachBot.Broadcasts.Fanout;
using Quartz;

namespace OutreachBot.Broadcasts.Scheduling;

/// <summary>
/// What a broadcast's trigger does when it fires: work out which occurrence this firing stands for, send it if it is
/// at most <c>MisfireGrace</c> late (else record it as missed), and snapshot its recipients into the ledger for the
/// <see cref="FanoutWorker"/>. Idempotent: a second firing of the same occurrence finds its run and does nothing.
/// </summary>
public sealed partial class BroadcastJob(
    BroadcastStore store,
    BatchSnapshot snapshot,
    QuotaGuard quota,
    FanoutSignal signal,
    ICivicEventCalendar events,
    Database database,
    IOptions<BroadcastOptions> options,
    IOptions<BotOptions> bot,
    TimeProvider time,
    ILogger<BroadcastJob> logger) : IJob
{
    public const string BroadcastIdKey = "broadcastId";

    public static readonly JobKey Key = new("broadcast", BroadcastScheduling.Group);

    /// <summary>
    /// Tries until the firing is stored, however long the database is away: the trigger fires once, so giving up would
    /// leave the broadcast unsent. Should the process stop meanwhile, <see cref="FiredBroadcastSweep"/> takes it over.
    /// </summary>
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var id = context.MergedJobDataMap.GetLong(BroadcastIdKey);
        var (_, attempt) = await OutageBackoff.RetryAsync(
            ct => FireAsync(id, context.ScheduledFireTimeUtc, ct), options.Value.OutageRetryMaxDelay, (ex, n) => LogRetrying(ex, id, n), cancellationToken);
        if (attempt > 1)
        {
            LogRecovered(id, attempt);
        }
    }

    /// <summary>The firing itself, also called directly by tests with a fake clock.</summary>
    public async Task<RunStart?> FireAsync(long broadcastId, DateTimeOffset? scheduledFireTime, CancellationToken cancellationToken)
    {
        var broadcast = await store.FindAsync(broadcastId, cancellationToken);
        if (broadcast is null || broadcast.State is not (BroadcastState.Scheduled or BroadcastState.Fired))
        {
            return null;
        }

        var now = time.GetUtcNow();
        var grace = options.Value.MisfireGrace;
        DateTimeOffset occurrence;
        if (broadcast.Schedule.Recurring)
        {
            var due = await CronOccurrenceAsync(broadcast, now, cancellationToken);
            if (due is null && scheduledFireTime is null)
            {
                return null;
            }

            occurrence = due?.Latest ?? scheduledFireTime!.Value;
            foreach (var skipped in due?.Skipped ?? [])
            {
                await snapshot.RecordMissedAsync(broadcast.Id, skipped, broadcast.MessagesJson, MissedReason(skipped, now), now, cancellationToken);
            }
        }
        else
        {
            occurrence = broadcast.Schedule.SendAt ?? scheduledFireTime ?? now;
            if (broadcast.State == BroadcastState.Scheduled
                && !await store.MoveAsync(broadcast.Id, [BroadcastState.Scheduled], BroadcastState.Fired, now, cancellationToken))
            {
                return null;
            }
        }

        if (now - occurrence > grace)
        {
            await snapshot.RecordMissedAsync(broadcast.Id, occurrence, broadcast.MessagesJson, MissedReason(occurrence, now), now, cancellationToken);
            LogMissed(broadcast.Id, occurrence);
            return null;
        }

        // Without LINE the run costs no LINE messages: the quota is neither asked nor held against.
        var allowance = broadcast.Channels.Contains(BroadcastChannel.Line) ? await quota.AllowanceAsync(cancellationToken) : new QuotaAllowance(null);
        broadcast = await WithCurrentEventCardsAsync(broadcast, cancellationToken);
        var start = await snapshot.TakeAsync(broadcast, occurrence, allowance, now, cancellationToken);
        if (start.Created)
        {
            LogFired(broadcast.Id, start.RunId, start.Targeted, start.Status);
        }

        signal.Wake();
        return start;
    }

    /// <summary>A card composed before its event moved shows the event as it is when the broadcast goes.</summary>
    private async Task<Broadcast> WithCurrentEventCardsAsync(Broadcast broadcast, CancellationToken cancellationToken)
    {
        var eventId = broadcast.Schedule.EventId ?? broadcast.Target.ReminderEventId ?? await events.AnnouncedEventAsync(broadcast.Id, cancellationToken);
        return eventId is not null && await events.FindAsync(eventId, cancellationToken) is { } civic
            ? broadcast with { MessagesJson = EventCard.Refresh(broadcast.MessagesJson, civic, bot.Value.Zone) }
            : broadcast;
    }

    private string MissedReason(DateTimeOffset occurrence, DateTimeOffset now) =>
        $"{MessageCompiler.FormatJst(occurrence, bot.Value.Zone)} の配信は、ボットが停止していたため猶予（{options.Value.MisfireGrace.TotalMinutes:0}分）を過ぎて送りませんでした。 / " +
        $"Not sent: the bot was down at {occurrence:u} and came back {(now - occurrence).TotalMinutes:0} minutes later, past the {options.Value.MisfireGrace.TotalMinutes:0}-minute grace.";

    private async Task<(DateTimeOffset Latest, IReadOnlyList<DateTimeOffset> Skipped)?> CronOccurrenceAsync(Broadcast broadcast, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!CronSchedules.TryParse(broadcast.Schedule.Cron, bot.Value.Zone, out var cron))
        {
            return null;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var last = await connection.ExecuteScalarAsync<DateTimeOffset?>(new CommandDefinition(
            "SELECT MAX(occurrence) FROM broadcast_runs WHERE broadcast_id = @Id", new { Id = broadcast.Id }, cancellationToken: cancellationToken));
        var since = last > broadcast.UpdatedAt ? last.Value : broadcast.UpdatedAt;
        // A second of slack: a trigger may fire a hair before the instant it stands for.
        return CronSchedules.LatestDue(cron!, since, now.AddSeconds(1));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Broadcast {BroadcastId} fired: run {RunId}, {Targeted} recipients, {Status}")]
    private partial void LogFired(long broadcastId, long runId, long targeted, RunStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broadcast {BroadcastId} missed its {Occurrence:u} firing by more than the grace; recorded as missed")]
    private partial void LogMissed(long broadcastId, DateTimeOffset occurrence);

    [LoggerMessage(Level = LogLevel.Error, Message = "Broadcast {BroadcastId} could not fire (try {Attempt}); trying again")]
    private partial void LogRetrying(Exception exception, long broadcastId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broadcast {BroadcastId} fired at try {Attempt}, once the database answered again")]
    private partial void LogRecovered(long broadcastId, int attempt);
}
