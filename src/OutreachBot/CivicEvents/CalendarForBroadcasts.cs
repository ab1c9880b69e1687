using System.Globalization;
using System.Runtime.CompilerServices;
using Dapper;
using OutreachBot.Broadcasts;
using OutreachBot.Storage;

namespace OutreachBot.CivicEvents;

/// <summary>
/// The calendar and the "remind me" requests as the broadcasts feature asks for them (it declares the interfaces):
/// an event's start, titles, venue and links for a reminder card or a "before event" schedule, and who to remind.
/// </summary>
internal sealed class CalendarForBroadcasts(CivicEventStore events, EventReminderStore reminders, Database database) : ICivicEventCalendar, IEventReminderList
{
    /// <summary>A cancelled event is no event: no schedule is made before it.</summary>
    public async Task<CivicEventInfo?> FindAsync(string eventId, CancellationToken cancellationToken)
    {
        if (Id(eventId) is not { } id || await events.FindAsync(id, cancellationToken) is not { Cancelled: false } found)
        {
            return null;
        }

        return new CivicEventInfo(eventId, found.StartsAt, found.Titles, found.Venue, Https(found.Url), Https(found.ImageUrl));
    }

    public async Task<string?> AnnouncedEventAsync(long broadcastId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var id = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            "SELECT event_id FROM civic_event_announcements WHERE broadcast_id = @BroadcastId", new { BroadcastId = broadcastId }, cancellationToken: cancellationToken));
        return id?.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Those who asked and still follow the account; nobody once the event is cancelled.</summary>
    public async IAsyncEnumerable<Recipient> StreamAsync(string eventId, string? after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (Id(eventId) is not { } id)
        {
            yield break;
        }

        await foreach (var reminder in reminders.StreamAsync(id, after, cancellationToken))
        {
            yield return new Recipient(reminder.UserId, reminder.Language);
        }
    }

    private static long? Id(string eventId) =>
        long.TryParse(eventId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    // Reminder cards link only over HTTPS; an http page is left out rather than the whole card refused.
    private static Uri? Https(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps ? uri : null;
}
