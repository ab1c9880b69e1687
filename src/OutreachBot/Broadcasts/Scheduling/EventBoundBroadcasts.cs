using Microsoft.Extensions.Options;
using OutreachBot.Broadcasts.Authoring;
using OutreachBot.Broadcasts.Fanout;

namespace OutreachBot.Broadcasts.Scheduling;

/// <summary>
/// The broadcasts tied to an event follow it: its reminder and its "before event" broadcasts are re-timed when it
/// moves (held, with a reason staff see, when their new time has already passed), and every one not yet sent is
/// cancelled, with a reason, when the event is cancelled. The events calendar calls this whenever an event is saved.
/// </summary>
public sealed partial class EventBoundBroadcasts(
    ICivicEventCalendar events,
    BroadcastStore store,
    BroadcastService service,
    BroadcastScheduling scheduling,
    RunStore runs,
    BroadcastDrafting drafting,
    EventReminders reminders,
    IOptions<BotOptions> bot,
    TimeProvider time,
    ILogger<EventBoundBroadcasts> logger)
{
    private static readonly BroadcastState[] Unsent = [BroadcastState.Draft, BroadcastState.AwaitingApproval, BroadcastState.Scheduled];

    /// <summary>After the event was created or moved: its reminder and "before event" broadcasts go with it.</summary>
    public async Task FollowAsync(string eventId, CancellationToken cancellationToken)
    {
        if (await events.FindAsync(eventId, cancellationToken) is not { } civic)
        {
            return;
        }

        var reminderAt = drafting.QuietHours.MoveBefore(civic.StartsAt - reminders.LeadTime);
        if (reminderAt < time.GetUtcNow())
        {
            foreach (var reminder in (await store.RemindersOfAsync(eventId, cancellationToken)).Where(IsUnsent))
            {
                await HoldAsync(reminder, civic, reminderAt, cancellationToken);
            }
        }
        else
        {
            await reminders.EnsureAsync(eventId, cancellationToken);
        }

        foreach (var broadcast in (await store.ForEventAsync(eventId, cancellationToken)).Where(IsUnsent))
        {
            var at = civic.StartsAt - (broadcast.Schedule.EventOffset ?? TimeSpan.Zero);
            at = broadcast.Urgent ? at : drafting.QuietHours.MoveBefore(at);
            if (at < time.GetUtcNow())
            {
                await HoldAsync(broadcast, civic, at, cancellationToken);
            }
            else if (broadcast.Schedule.SendAt != at || broadcast.Reason is not null)
            {
                await RetimeAsync(broadcast, at, cancellationToken);
            }
        }
    }

    /// <summary>
    /// After the event was cancelled: every broadcast tied to it (and <paramref name="alsoIds"/>) that is not sent yet is
    /// cancelled, a firing held for quota included.
    /// </summary>
    public async Task WithdrawAsync(string eventId, IReadOnlyList<long> alsoIds, string by, CancellationToken cancellationToken)
    {
        var tied = (await store.RemindersOfAsync(eventId, cancellationToken)).Concat(await store.ForEventAsync(eventId, cancellationToken)).ToList();
        foreach (var id in alsoIds.Where(id => tied.All(b => b.Id != id)))
        {
            if (await store.FindAsync(id, cancellationToken) is { } also)
            {
                tied.Add(also);
            }
        }

        foreach (var broadcast in tied)
        {
            if (!IsUnsent(broadcast) && !(broadcast.State == BroadcastState.Fired && await IsHeldAsync(broadcast.Id, cancellationToken)))
            {
                continue;
            }

            await service.CancelAsync(broadcast.Id, by, cancellationToken, CancelledReason);
            LogCancelled(broadcast.Id, eventId);
        }
    }

    internal const string CancelledReason = "イベントが中止されたため、この配信を取り消しました。 / Cancelled because its event was cancelled.";

    private static bool IsUnsent(Broadcast broadcast) => Unsent.Contains(broadcast.State);

    private async Task<bool> IsHeldAsync(long broadcastId, CancellationToken cancellationToken) =>
        (await runs.ForBroadcastAsync(broadcastId, 1, cancellationToken)) is [{ Status: "held" }];

    private async Task RetimeAsync(Broadcast broadcast, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (!await store.RetimeAsync(broadcast.Id, broadcast.State, at, time.GetUtcNow(), cancellationToken))
        {
            return;
        }

        if (broadcast.State == BroadcastState.Scheduled)
        {
            await scheduling.ScheduleAsync((await store.FindAsync(broadcast.Id, cancellationToken))!, cancellationToken);
        }

        LogRetimed(broadcast.Id, at);
    }

    /// <summary>Back to the drafts, out of the scheduler, with why: staff choose a new time (or cancel it).</summary>
    private async Task HoldAsync(Broadcast broadcast, CivicEventInfo civic, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var zone = bot.Value.Zone;
        var reason =
            $"イベントの開始が {MessageCompiler.FormatJst(civic.StartsAt, zone)} に変わり、送信時刻 {MessageCompiler.FormatJst(at, zone)} を過ぎたため保留しています。時刻を直して送り直してください。 / " +
            $"Held: its event now starts at {civic.StartsAt:u}, so its send time {at:u} has passed; set a new time and submit it again.";
        await scheduling.UnscheduleAsync(broadcast.Id, cancellationToken);
        if (await store.MoveAsync(broadcast.Id, [broadcast.State], BroadcastState.Draft, time.GetUtcNow(), cancellationToken, reason: reason))
        {
            LogHeld(broadcast.Id, civic.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Broadcast {BroadcastId} moved with its event to {At:u}")]
    private partial void LogRetimed(long broadcastId, DateTimeOffset at);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broadcast {BroadcastId} held: event {EventId} moved and its send time has passed")]
    private partial void LogHeld(long broadcastId, string eventId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Broadcast {BroadcastId} cancelled with its event {EventId}")]
    private partial void LogCancelled(long broadcastId, string eventId);
}
