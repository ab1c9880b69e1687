using System.Globalization;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Options;
using OutreachBot.Broadcasts;
using OutreachBot.Broadcasts.Authoring;
using OutreachBot.Broadcasts.Scheduling;
using OutreachBot.Staff;
using OutreachBot.Storage;

namespace OutreachBot.CivicEvents;

/// <summary>
/// An event's two broadcasts, made in one step from the console: the announcement, a draft for the subscribers of the
/// event's topic with its event card, and the reminder for those who tapped "remind me" (<see cref="EventReminders"/>,
/// the same one saving the event schedules). Both go through <see cref="BroadcastService"/> and its checks.
/// </summary>
public sealed class EventBroadcasts(
    Database database,
    ICivicEventCalendar calendar,
    CivicEventStore events,
    BroadcastService service,
    BroadcastStore broadcasts,
    BroadcastDrafting drafting,
    EventReminders reminders,
    AuditLog audit,
    IOptions<BotOptions> bot,
    TimeProvider time)
{
    public async Task<EventBroadcastLinks> FindAsync(long eventId, CancellationToken cancellationToken)
    {
        var announcement = await AnnouncementIdAsync(eventId, cancellationToken) is { } id ? await broadcasts.FindAsync(id, cancellationToken) : null;
        var reminder = (await broadcasts.RemindersOfAsync(Key(eventId), cancellationToken)).FirstOrDefault(b => b.State != BroadcastState.Cancelled);
        return new EventBroadcastLinks(announcement, reminder);
    }

    /// <summary>
    /// Makes what is missing: an announcement unless one (not cancelled) exists, and the reminder unless its time has
    /// passed; one audit entry names who asked, when either exists afterwards.
    /// </summary>
    public async Task<EventBroadcastsOutcome> CreateAsync(long eventId, StaffActor actor, CancellationToken cancellationToken)
    {
        var author = StaffIdentity.Of(actor);
        if (await events.FindAsync(eventId, cancellationToken) is not { Cancelled: false } civic
            || await calendar.FindAsync(Key(eventId), cancellationToken) is not { } info)
        {
            return EventBroadcastsOutcome.Refused(new("中止されたイベント、または存在しないイベントです。", "The event is cancelled or does not exist."));
        }

        var existing = await FindAsync(eventId, cancellationToken);
        var problems = new List<Bilingual>();
        var announcementId = existing.Announcement is { State: not BroadcastState.Cancelled } kept ? kept.Id : (long?)null;
        if (announcementId is null)
        {
            if (civic.TopicSlug is null)
            {
                problems.Add(new("告知にはイベントのトピックが必要です（そのトピックの登録者に送ります）。", "The announcement needs the event's topic: it goes to that topic's subscribers."));
            }
            else
            {
                var outcome = await service.CreateAsync(AnnouncementOf(info, civic.TopicSlug), author, cancellationToken);
                if (outcome.Ok)
                {
                    announcementId = outcome.Id;
                    await LinkAnnouncementAsync(eventId, outcome.Id, cancellationToken);
                }
                else
                {
                    problems.AddRange(outcome.Problem is { } problem ? [problem] : outcome.Errors?.Values.SelectMany(m => m) ?? []);
                }
            }
        }

        var reminderId = await reminders.EnsureAsync(Key(eventId), cancellationToken);
        if (reminderId is null)
        {
            problems.Add(new("リマインダーの送信時刻を過ぎているため作れません。", "The reminder's time has passed."));
        }

        if (announcementId is not null || reminderId is not null)
        {
            await audit.WriteAsync(
                actor, AuditActions.EventBroadcastsCreated, "event:" + eventId.ToString(CultureInfo.InvariantCulture),
                $"announcement:{announcementId?.ToString(CultureInfo.InvariantCulture) ?? "-"} reminder:{reminderId?.ToString(CultureInfo.InvariantCulture) ?? "-"}",
                cancellationToken);
        }

        return new EventBroadcastsOutcome(announcementId, reminderId, problems);
    }

    /// <summary>A draft for the next full hour outside quiet hours: staff set the time they want when they submit it.</summary>
    private BroadcastInput AnnouncementOf(CivicEventInfo info, string topic)
    {
        var zone = bot.Value.Zone;
        var messages = info.Titles.ToDictionary(
            t => t.Key,
            t => JsonSerializer.SerializeToElement(new[] { EventCard.Build(t.Value, info.StartsAt, zone, info.Venue, info.Url?.ToString(), info.ImageUrl?.ToString()) }));
        var now = time.GetUtcNow();
        var at = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(1);
        while (drafting.QuietHours.Contains(at))
        {
            at = at.AddHours(1);
        }

        return new BroadcastInput(
            $"イベント告知: {info.Titles.GetValueOrDefault(Languages.Japanese) ?? info.Id}",
            messages,
            new TargetInput([topic], "any", null, null, null),
            new ScheduleInput(TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture), null, null),
            Urgent: false,
            Draft: true);
    }

    private async Task<long?> AnnouncementIdAsync(long eventId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            "SELECT broadcast_id FROM civic_event_announcements WHERE event_id = @EventId", new { EventId = eventId }, cancellationToken: cancellationToken));
    }

    private async Task LinkAnnouncementAsync(long eventId, long broadcastId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO civic_event_announcements (event_id, broadcast_id) VALUES (@EventId, @BroadcastId)
            ON CONFLICT (event_id) DO UPDATE SET broadcast_id = excluded.broadcast_id
            """,
            new { EventId = eventId, BroadcastId = broadcastId },
            cancellationToken: cancellationToken));
    }

    private static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);
}

public sealed record EventBroadcastLinks(Broadcast? Announcement, Broadcast? Reminder);

/// <param name="Problems">Why one of the two was not made, in Japanese and English.</param>
public sealed record EventBroadcastsOutcome(long? AnnouncementId, long? ReminderId, IReadOnlyList<Bilingual> Problems)
{
    public static EventBroadcastsOutcome Refused(Bilingual problem) => new(null, null, [problem]);
}
