using Microsoft.Extensions.Options;
using OutreachBot.PublicSite;
using OutreachBot.PublicSite.Events;

namespace OutreachBot.PublicSite.Pages;

/// <param name="Past">Over: shown with the "ended" mark.</param>
/// <param name="Detail">The event's own page rather than an entry of the list.</param>
public sealed record EventShown(PublicPage Page, PublicEvent Event, TimeZoneInfo Zone, bool Past, bool Detail);

/// <summary>The events still to come, soonest first, then those of the last weeks.</summary>
public sealed class EventsModel(TextCatalog catalog, PublicEvents events, IOptions<BotOptions> bot, TimeProvider time) : PublicPage(catalog)
{
    public IReadOnlyList<PublicEvent> Upcoming { get; private set; } = [];

    public IReadOnlyList<PublicEvent> Past { get; private set; } = [];

    public TimeZoneInfo Zone => bot.Value.Zone;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        (Upcoming, Past) = await events.ListAsync(now, cancellationToken);
        ConditionalGet.LastModified(Response, EventPages.LastChange([.. Upcoming, .. Past], now));
    }
}
