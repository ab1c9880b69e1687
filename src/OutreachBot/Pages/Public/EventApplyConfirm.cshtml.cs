using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OutreachBot.CivicEvents;
using OutreachBot.CivicEvents.Applications;
using OutreachBot.CivicEvents.Applications.Web;
using OutreachBot.MailSubscribers;
using OutreachBot.Resources;

namespace OutreachBot.PublicSite.Pages;

/// <summary>
/// <c>/events/{id}/apply/confirm?t=</c>, the confirmation mail's link (48 hours): a button, so that a mail scanner opening
/// the link takes no seat; pressing it applies (a seat or a waiting place, in the order of confirmations) once.
/// </summary>
public sealed class EventApplyConfirmModel(
    TextCatalog catalog, WebApplications web, CivicEventStore events, SubscriberTokens tokens, IOptions<BotOptions> bot)
    : WebApplicationLinkPage(catalog, web, events, tokens)
{

    public override string Heading => Texts[WebApplyTextKeys.ConfirmTitle];

    public override string ButtonLabel => Texts[WebApplyTextKeys.ConfirmButton];

    public async Task<IActionResult> OnGetAsync(long id, string? t)
    {
        await ReadAsync(id, t, SubscriberTokenPurpose.ApplicationConfirm);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, string? t)
    {
        if (!await ReadAsync(id, t, SubscriberTokenPurpose.ApplicationConfirm))
        {
            return Page();
        }

        var outcome = await Web.ConfirmAsync(WebRequest!, HttpContext.RequestAborted);
        if (outcome.Application is { } application && outcome.Result is ApplyResult.Confirmed or ApplyResult.Waiting)
        {
            Outcome = WebApplicationMails.Outcome(Texts, Event!, application, bot.Value.Zone);
        }
        else
        {
            Outcome = Texts[WebApplyTextKeys.Closed];
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        return Page();
    }
}
