using System.Globalization;
using OutreachBot.Broadcasts;
using OutreachBot.Broadcasts.Authoring;
using OutreachBot.Broadcasts.Scheduling;

namespace OutreachBot.CivicEvents;

/// <summary>
/// Saving an event as the API and the console both do: the event stored, its "remind me" broadcast made or moved with
/// it, and withdrawn when the event is cancelled.
/// </summary>
public sealed partial class CivicEventEditor(
    CivicEventStore store, EventReminders reminders, BroadcastStore broadcasts, BroadcastService service, TimeProvider time, ILogger<CivicEventEditor> logger)
{
    /// <summary>The new event's id; null when its topic does not exist.</summary>
    public async Task<long?> CreateAsync(CivicEventDraft draft, CancellationToken cancellationToken)
    {
        if (await store.CreateAsync(draft, Now, cancellationToken) is not { } id)
        {
            return null;
        }

        await ScheduleReminderAsync(id, cancellationToken);
        return id;
    }

    /// <summary>False when its topic does not exist (the caller has checked that the event does).</summary>
    public async Task<bool> UpdateAsync(long id, CivicEventDraft draft, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!await store.UpdateAsync(id, draft, Now, cancellationToken))
        {
            return false;
        }

        if (draft.Cancelled)
        {
            await WithdrawRemindersAsync(id, by, cancellationToken);
        }
        else
        {
            await ScheduleReminderAsync(id, cancellationToken);
        }

        return true;
    }

    private long Now => time.GetUtcNow().ToUnixTimeMilliseconds();

    private static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The event is stored either way: a failure here is logged for staff, who can save the event again.</summary>
    private async Task ScheduleReminderAsync(long id, CancellationToken cancellationToken)
    {
        try
        {
            await reminders.EnsureAsync(Key(id), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogReminderNotScheduled(logger, ex, id);
        }
    }

    private async Task WithdrawRemindersAsync(long id, string by, CancellationToken cancellationToken)
    {
        foreach (var reminder in await broadcasts.RemindersOfAsync(Key(id), cancellationToken))
        {
            if (reminder.State is BroadcastState.Draft or BroadcastState.AwaitingApproval or BroadcastState.Scheduled)
            {
                await service.CancelAsync(reminder.Id, by, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Event {Id} is stored, but its reminder broadcast could not be scheduled; save the event again to retry")]
    private static partial void LogReminderNotScheduled(ILogger logger, Exception exception, long id);
}
