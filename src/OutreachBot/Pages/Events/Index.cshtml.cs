using OutreachBot.CivicEvents;
using OutreachBot.StaffConsole;
using OutreachBot.Subscriptions;

namespace OutreachBot.Pages.Events;

/// <summary>The events calendar: upcoming events soonest first, then those of the past 90 days and the cancelled, latest first.</summary>
public sealed class IndexModel(CivicEventStore events, TopicStore topics, ConsoleClock clock) : ConsolePage
{
    public const int MaxUpcoming = 200;

    public IReadOnlyList<CivicEvent> Upcoming { get; private set; } = [];

    public int UpcomingTotal { get; private set; }

    public IReadOnlyList<CivicEvent> PastOrCancelled { get; private set; } = [];

    public IReadOnlyDictionary<string, Topic> TopicsBySlug { get; private set; } = new Dictionary<string, Topic>();

    public bool CanEdit { get; private set; }

    public async Task OnGetAsync()
    {
        var cancel = HttpContext.RequestAborted;
        var now = clock.UtcNow;
        (Upcoming, UpcomingTotal) = await events.UpcomingAsync(now, 0, MaxUpcoming, cancel);
        var recent = await events.StartingBetweenAsync(
            now - TimeSpan.FromDays(90), now + TimeSpan.FromDays(3650), cancel);
        PastOrCancelled = [.. recent.Where(e => !e.IsUpcoming(now)).OrderByDescending(e => e.StartsAt)];
        TopicsBySlug = (await topics.ListAsync(includeArchived: true, cancel)).ToDictionary(t => t.Slug);
        CanEdit = await CanAsync(ConsolePolicies.Edit);
    }
}
