using System.Text.Json;
using Microsoft.Extensions.Options;
using OutreachBot.Broadcasts.Authoring;

namespace OutreachBot.Broadcasts.Scheduling;

/// <summary>
/// Reminders through the same fan-out: for an event, a broadcast to the citizens who tapped "remind me", with an event
/// card built from the calendar, due <c>ReminderLeadTime</c> before the start (moved before quiet hours when it would
/// fall inside them). <see cref="EventBoundBroadcasts"/> calls <see cref="EnsureAsync"/> when an event is created or moved,
/// and holds the reminder when its new time has passed.
/// </summary>
public sealed class EventReminders(
    ICivicEventCalendar events,
    BroadcastStore store,
    BroadcastService service,
    BroadcastDrafting drafting,
    IOptions<BroadcastOptions> options,
    IOptions<BotOptions> bot,
    TimeProvider time)
{
    public const string Author = "system:reminders";

    public TimeSpan LeadTime => options.Value.ReminderLeadTime;

    /// <summary>Creates (or moves) the reminder of an event; null when the event is unknown or its reminder time has passed.</summary>
    public async Task<long?> EnsureAsync(string eventId, CancellationToken cancellationToken)
    {
        var civic = await events.FindAsync(eventId, cancellationToken);
        if (civic is null)
        {
            return null;
        }

        var zone = bot.Value.Zone;
        var at = drafting.QuietHours.MoveBefore(civic.StartsAt - options.Value.ReminderLeadTime);
        if (at < time.GetUtcNow())
        {
            return null;
        }

        var messages = new Dictionary<string, JsonElement>();
        foreach (var (language, title) in civic.Titles)
        {
            var card = EventCard.Build(title, civic.StartsAt, zone, civic.Venue, civic.Url?.ToString(), civic.ImageUrl?.ToString());
            messages[language] = JsonSerializer.SerializeToElement(new[] { card });
        }

        var local = TimeZoneInfo.ConvertTime(at, zone);
        var input = new BroadcastInput(
            $"リマインダー: {civic.Titles.GetValueOrDefault(Languages.Japanese) ?? civic.Id}",
            messages,
            new TargetInput(null, null, null, null, civic.Id),
            new ScheduleInput(local.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture), null, null),
            Urgent: false,
            Draft: false);
        // By its target, not ForEventAsync: the reminder is timed with "at" (moved out of quiet hours), so it has no event_id.
        var existing = (await store.RemindersOfAsync(civic.Id, cancellationToken))
            .FirstOrDefault(b => b.Author == Author && b.State is BroadcastState.Scheduled or BroadcastState.AwaitingApproval or BroadcastState.Draft);
        var outcome = existing is null
            ? await service.CreateAsync(input, Author, cancellationToken)
            : await service.ReplaceAsync(existing.Id, input, Author, cancellationToken);
        return outcome.Ok ? outcome.Id : null;
    }
}
