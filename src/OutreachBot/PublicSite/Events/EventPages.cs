namespace OutreachBot.PublicSite.Events;

public static class EventPages
{
    /// <summary>
    /// When the events as listed last changed: the latest save, or the latest start or end that has passed (an event
    /// moves from upcoming to past without being saved).
    /// </summary>
    public static DateTimeOffset? LastChange(IReadOnlyList<PublicEvent> events, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(events);
        var moments = events.Select(e => e.UpdatedAt)
            .Concat(events.SelectMany(e => new[] { e.Event.StartsAt, e.Event.EndsAt ?? e.Event.StartsAt }).Where(t => t <= now));
        return moments.Any() ? moments.Max() : null;
    }
}
