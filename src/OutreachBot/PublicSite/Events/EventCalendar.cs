using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace OutreachBot.PublicSite.Events;

/// <summary>
/// Events as iCalendar (RFC 5545) for calendar apps: times in <c>Bot:TimeZone</c> with its VTIMEZONE (UTC when the bot
/// runs on UTC), a UID per event that never changes, and a SEQUENCE that rises with every change, so an app updates the
/// event it has instead of adding another.
/// </summary>
public static class EventCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Write(IEnumerable<PublicEvent> events, PublicBaseUrl site, BotTexts texts, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(zone);
        var calendar = new Calendar { ProductId = "-//OutreachBot//Civic events//JA" };
        calendar.AddProperty("X-WR-CALNAME", texts[NewsTextKeys.EventsCalendarName]);
        var zoneId = IsUtc(zone) ? null : zone.Id;
        if (zoneId is not null)
        {
            calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zoneId));
        }

        foreach (var e in events)
        {
            calendar.Events.Add(Entry(e, site, texts, zone, zoneId));
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary><c>event-{id}@{host}</c>: the same for every version of the event and every language.</summary>
    public static string Uid(long id, PublicBaseUrl site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return $"event-{id}@{site.Value.Host}";
    }

    private static CalendarEvent Entry(PublicEvent e, PublicBaseUrl site, BotTexts texts, TimeZoneInfo zone, string? zoneId)
    {
        var title = e.Title(texts.Language);
        var entry = new CalendarEvent
        {
            Uid = Uid(e.Id, site),
            Sequence = e.Revision,
            DtStamp = new CalDateTime(e.UpdatedAt.UtcDateTime, CalDateTime.UtcTzId),
            DtStart = Time(e.Event.StartsAt, zone, zoneId),
            Summary = e.Cancelled ? $"{texts[NewsTextKeys.EventsCancelled]} {title}" : title,
            Location = e.Venue,
            Url = site.Link(PublicLinks.Event(e.Id, texts.Language)),
            Status = e.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            Description = e.Url,
        };
        if (e.Event.EndsAt is { } endsAt)
        {
            entry.DtEnd = Time(endsAt, zone, zoneId);
        }

        return entry;
    }

    private static CalDateTime Time(DateTimeOffset instant, TimeZoneInfo zone, string? zoneId) =>
        zoneId is null
            ? new CalDateTime(instant.UtcDateTime, CalDateTime.UtcTzId)
            : new CalDateTime(DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, zone).DateTime, DateTimeKind.Unspecified), zoneId);

    private static bool IsUtc(TimeZoneInfo zone) =>
        zone.Id is "UTC" or "Etc/UTC" or "Etc/UCT" or "UCT" or "Universal" or "Zulu" or "Etc/Universal" or "Etc/Zulu";
}
