namespace OutreachBot.Broadcasts;

// What broadcasts need from the events calendar (CivicEvents/, built in parallel). The calendar feature registers its
// own implementations of these; until it does, NoCivicEvents stands in, and "before event" schedules and reminders
// are refused with a clear error.

/// <summary>An event as a broadcast needs it: when it starts, and what a reminder card shows.</summary>
/// <param name="StartsAt">UTC.</param>
/// <param name="Titles">Per language; Japanese always.</param>
public sealed record CivicEventInfo(
    string Id,
    DateTimeOffset StartsAt,
    IReadOnlyDictionary<string, string> Titles,
    string? Venue = null,
    Uri? Url = null,
    Uri? ImageUrl = null);

/// <summary>A citizen who gets a message, in the language they read.</summary>
public readonly record struct Recipient(string UserId, string Language);

public interface ICivicEventCalendar
{
    Task<CivicEventInfo?> FindAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>The event a broadcast announces (made from the event's page), if any: its card is drawn from that event at send time.</summary>
    Task<string?> AnnouncedEventAsync(long broadcastId, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}

/// <summary>Citizens who tapped "remind me" on an event.</summary>
public interface IEventReminderList
{
    /// <summary>
    /// Streams, without loading them all, the citizens who asked to be reminded of <paramref name="eventId"/> and who
    /// still follow the account, each once, with their language, in user id order (only those after <paramref name="after"/>
    /// when it is given).
    /// </summary>
    IAsyncEnumerable<Recipient> StreamAsync(string eventId, string? after, CancellationToken cancellationToken);
}

/// <summary>Stands in until the events calendar registers the real ones: no events, no reminders.</summary>
internal sealed class NoCivicEvents : ICivicEventCalendar, IEventReminderList
{
    public Task<CivicEventInfo?> FindAsync(string eventId, CancellationToken cancellationToken) => Task.FromResult<CivicEventInfo?>(null);

    public async IAsyncEnumerable<Recipient> StreamAsync(string eventId, string? after, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        yield break;
    }
}
