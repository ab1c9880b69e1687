using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Options;
using OutreachBot.Broadcasts;
using OutreachBot.Broadcasts.Authoring;
using OutreachBot.Broadcasts.Scheduling;
using OutreachBot.CivicEvents.Applications;
using OutreachBot.Staff;

namespace OutreachBot.CivicEvents;

/// <summary>
/// Saving an event as the API and the console both do: the event stored, and every broadcast tied to it (its reminder,
/// its "before event" broadcasts, its announcement) moved with it, or cancelled when the event is cancelled; one audit entry names who did it.
/// </summary>
public sealed partial class CivicEventEditor(
    CivicEventStore store,
    EventBoundBroadcasts bound,
    EventBroadcasts linked,
    Applications.ApplicationStore applications,
    IOptions<BotOptions> bot,
    AuditLog audit,
    TimeProvider time,
    ILogger<CivicEventEditor> logger)
{
    /// <summary>The new event's id; null when its topic does not exist.</summary>
    public async Task<long?> CreateAsync(CivicEventDraft draft, StaffActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (await store.CreateAsync(draft, Now, cancellationToken) is not { } id)
        {
            return null;
        }

        await audit.WriteAsync(actor, AuditActions.EventCreated, Target(id), draft.Titles.GetValueOrDefault(Languages.Japanese), cancellationToken);
        await FollowAsync(id, draft, "system", cancellationToken);
        return id;
    }

    /// <summary>
    /// False when its topic does not exist (the caller has checked that the event does). Recorded as a cancellation when
    /// it cancels an event that was not cancelled, else as an update.
    /// </summary>
    public async Task<bool> UpdateAsync(long id, CivicEventDraft draft, StaffActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(actor);
        var before = await store.FindAsync(id, cancellationToken);
        var now = Now;
        if (!await store.UpdateAsync(id, draft, now, (connection, transaction) => TellApplicantsAsync(connection, transaction, id, before, draft, now, cancellationToken), cancellationToken))
        {
            return false;
        }

        if (!draft.Cancelled)
        {
            await applications.FillFreeSeatsAsync(id, now, cancellationToken);
        }

        var action = draft.Cancelled && before is { Cancelled: false } ? AuditActions.EventCancelled : AuditActions.EventUpdated;
        await audit.WriteAsync(actor, action, Target(id), draft.Titles.GetValueOrDefault(Languages.Japanese), cancellationToken);
        await FollowAsync(id, draft, actor.AuditName ?? "system", cancellationToken);
        return true;
    }

    private DateTimeOffset Now => time.GetUtcNow();

    /// <summary>
    /// Cancelled: every applicant is told (at once when it was to be today). Moved in time or place: applicants are told
    /// and may cancel. Either is owed in the transaction that stores the change.
    /// </summary>
    private async Task TellApplicantsAsync(
        DbConnection connection, DbTransaction transaction, long id, CivicEvent? before, CivicEventDraft draft, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (before is null)
        {
            return;
        }

        if (draft.Cancelled && !before.Cancelled)
        {
            var zone = bot.Value.Zone;
            var today = TimeZoneInfo.ConvertTime(now, zone).Date == TimeZoneInfo.ConvertTime(before.StartsAt, zone).Date;
            await EventChangeNotices.WithdrawAllAsync(connection, transaction, id, urgent: today, now, cancellationToken);
            return;
        }

        if (!draft.Cancelled && (before.StartsAt != draft.StartsAt || before.EndsAt != draft.EndsAt || before.Venue != draft.Venue))
        {
            await EventChangeNotices.NotifyMovedAsync(connection, transaction, id, now, cancellationToken);
        }
    }

    private static string Target(long id) => "event:" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The event is stored either way: a failure here is logged for staff, who can save the event again.</summary>
    private async Task FollowAsync(long id, CivicEventDraft draft, string by, CancellationToken cancellationToken)
    {
        var key = id.ToString(CultureInfo.InvariantCulture);
        try
        {
            if (draft.Cancelled)
            {
                var announcement = (await linked.FindAsync(id, cancellationToken)).Announcement;
                await bound.WithdrawAsync(key, announcement is null ? [] : [announcement.Id], by, cancellationToken);
            }
            else
            {
                await bound.FollowAsync(key, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogBroadcastsNotFollowed(logger, ex, id);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Event {Id} is stored, but its broadcasts could not be moved or cancelled with it; save the event again to retry")]
    private static partial void LogBroadcastsNotFollowed(ILogger logger, Exception exception, long id);
}
