using Microsoft.Extensions.Options;
using OutreachBot.CivicEvents;
using OutreachBot.CivicEvents.Applications;
using OutreachBot.CivicEvents.Applications.Web;
using OutreachBot.MailSubscribers;
using OutreachBot.Resources;

namespace OutreachBot.PublicSite.Pages;

/// <summary>
/// <c>/events/{id}/apply/confirm?t=</c>, the confirmation mail's link (48 hours): pressing its button applies (a seat or a
/// waiting place, in the order of confirmations) once; pressing it again shows the same outcome.
/// </summary>
public sealed class EventApplyConfirmModel(
    TextCatalog catalog, WebApplications web, CivicEventStore events, SubscriberTokens tokens, IOptions<BotOptions> bot)
    : WebApplicationLinkPage(catalog, web, events, tokens)
{
    public override string Heading => Texts[WebApplyTextKeys.ConfirmTitle];

    public override string ButtonLabel => Texts[WebApplyTextKeys.ConfirmButton];

    protected override SubscriberTokenPurpose Purpose => SubscriberTokenPurpose.ApplicationConfirm;

    protected override async Task ActAsync(WebApplicationRequest request, CivicEvent e)
    {
        var outcome = await Web.ConfirmAsync(request, HttpContext.RequestAborted);
        if (outcome.Application is { } application && outcome.Result is ApplyResult.Confirmed or ApplyResult.Waiting)
        {
            Outcome = WebApplicationMails.Outcome(Texts, e, application, bot.Value.Zone);
            return;
        }

        Outcome = Texts[WebApplyTextKeys.Closed];
        Response.StatusCode = StatusCodes.Status409Conflict;
    }
}
