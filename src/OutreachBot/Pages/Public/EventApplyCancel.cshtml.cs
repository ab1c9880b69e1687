using Microsoft.AspNetCore.Mvc;
using OutreachBot.CivicEvents;
using OutreachBot.CivicEvents.Applications;
using OutreachBot.CivicEvents.Applications.Web;
using OutreachBot.MailSubscribers;
using OutreachBot.Resources;

namespace OutreachBot.PublicSite.Pages;

/// <summary><c>/events/{id}/apply/cancel?t=</c>, the link in the mail confirming an application: a button, then the application is cancelled.</summary>
public sealed class EventApplyCancelModel(TextCatalog catalog, WebApplications web, CivicEventStore events, SubscriberTokens tokens)
    : WebApplicationLinkPage(catalog, web, events, tokens)
{

    public override string Heading => Texts[WebApplyTextKeys.CancelTitle];

    public override string ButtonLabel => Texts[WebApplyTextKeys.CancelButton];

    public async Task<IActionResult> OnGetAsync(long id, string? t)
    {
        await ReadAsync(id, t, SubscriberTokenPurpose.ApplicationCancel);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, string? t)
    {
        if (!await ReadAsync(id, t, SubscriberTokenPurpose.ApplicationCancel))
        {
            return Page();
        }

        var outcome = await Web.CancelAsync(WebRequest!, HttpContext.RequestAborted);
        Outcome = outcome.Result == CancelResult.Cancelled ? Texts.Format(WebApplyTextKeys.Cancelled, WebRequest!.Number) : Texts[WebApplyTextKeys.CannotCancel];
        if (outcome.Result != CancelResult.Cancelled)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        return Page();
    }
}
