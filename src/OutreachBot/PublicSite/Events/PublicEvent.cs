using OutreachBot.CivicEvents;
using OutreachBot.Conversations.Views;

namespace OutreachBot.PublicSite.Events;

/// <summary>
/// An event as the public pages and calendars show it: the calendar's record with how often it changed. Everything the
/// web says about an event is read here, so that fields the calendar gains appear on every page and feed at once.
/// </summary>
/// <param name="Revision">Rises with every save: the iCalendar SEQUENCE.</param>
public sealed record PublicEvent(CivicEvent Event, int Revision, DateTimeOffset UpdatedAt)
{
    public long Id => Event.Id;

    public bool Cancelled => Event.Cancelled;

    public string Title(string language) => Event.TitleIn(language);

    /// <summary>Over at <paramref name="now"/> (its end, or its start when it has none, has passed).</summary>
    public bool IsPast(DateTimeOffset now) => (Event.EndsAt ?? Event.StartsAt) < now;

    /// <summary>「2026年12月5日(土) 10:00〜12:00」 in <c>Bot:TimeZone</c>, in the reader's language.</summary>
    public string When(BotTexts texts, TimeZoneInfo zone) => EventCards.When(texts, Event, zone);

    public string? Venue => string.IsNullOrWhiteSpace(Event.Venue) ? null : Event.Venue;

    /// <summary>The venue searched on Google Maps (a search, not coordinates: the calendar keeps the venue as text).</summary>
    public string? MapLink => Venue is null ? null : $"https://www.google.com/maps/search/?api=1&query={Uri.EscapeDataString(Venue)}";

    public string? Url => Https(Event.Url);

    public string? ImageUrl => Https(Event.ImageUrl);

    // Pages and calendars link only over https, as the LINE cards do; anything else is left out rather than shown.
    private static string? Https(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps ? uri.AbsoluteUri : null;
}
