using OutreachBot.CivicEvents;
using OutreachBot.CivicEvents.Applications;
using OutreachBot.CivicEvents.Applications.Web;
using OutreachBot.MailSubscribers;
using OutreachBot.Resources;

namespace OutreachBot.PublicSite.Pages;

/// <summary><c>/events/{id}/apply/cancel?t=</c>, the link in the mail confirming an application: pressing its button cancels the application.</summary>
public sealed class EventApplyCancelModel(TextCatalog catalog, WebApplications web, CivicEventStore events, SubscriberTokens tokens)
    : WebApplicationLinkPage(catalog, web, events, tokens)
{
    public override string Heading => Texts[WebApplyTextKeys.CancelTitle];

    public override string ButtonLabel => Texts[WebApplyTextKeys.CancelButton];

    protected override SubscriberTokenPurpose Purpose => SubscriberTokenPurpose.ApplicationCancel;

    protected override async Task ActAsync(WebApplicationRequest request, CivicEvent e)
    {
        if ((await Web.CancelAsync(request, HttpContext.RequestAborted)).Result == CancelResult.Cancelled)
        {
            Outcome = Texts.Format(WebApplyTextKeys.Cancelled, request.Number);
            return;
        }

        Outcome = Texts[WebApplyTextKeys.CannotCancel];
        Response.StatusCode = StatusCodes.Status409Conflict;
    }
}
