using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OutreachBot.PublicSite;
using OutreachBot.PublicSite.Events;

namespace OutreachBot.PublicSite.Pages;

/// <summary>One event: when and where (with a map), its link and image, and a calendar file to add it.</summary>
public sealed class EventModel(TextCatalog catalog, PublicEvents events, OutreachBot.Mail.MailChannel mail, IOptions<BotOptions> bot, TimeProvider time)
    : PublicPage(catalog)
{
    public EventShown? Shown { get; private set; }

    /// <summary>Residents without LINE may apply by e-mail now (<c>/events/{id}/apply</c>).</summary>
    public bool TakesWebApplications { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await events.FindAsync(id, cancellationToken) is not { } found)
        {
            return NotFoundPage();
        }

        var now = time.GetUtcNow();
        Shown = new EventShown(this, found, bot.Value.Zone, found.IsPast(now), Detail: true);
        TakesWebApplications = mail.Available && found.Event.AcceptsApplicationsAt(now);
        ConditionalGet.LastModified(Response, EventPages.LastChange([found], now));
        return Page();
    }
}
