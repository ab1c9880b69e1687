using OutreachBot.CivicEvents;
using OutreachBot.CivicEvents.Applications.Web;
using OutreachBot.MailSubscribers;
using OutreachBot.Resources;

namespace OutreachBot.PublicSite.Pages;

/// <summary>
/// A page reached from a link in a web application's mail (<c>?t=</c>): a link that is forged, truncated, for another
/// event, expired or whose request is erased answers 400 saying to apply again from the event's page.
/// </summary>
public abstract class WebApplicationLinkPage(TextCatalog catalog, WebApplications web, CivicEventStore events, SubscriberTokens tokens) : PublicPage(catalog)
{
    public string? Problem { get; private set; }

    /// <summary>What pressing the page's button did, in the reader's language.</summary>
    public string? Outcome { get; protected set; }

    public abstract string Heading { get; }

    public abstract string ButtonLabel { get; }

    public CivicEvent? Event { get; private set; }

    public WebApplicationRequest? WebRequest { get; private set; }

    protected WebApplications Web => web;

    /// <summary>The request the link names; false with the 400 set up when the link does not work.</summary>
    protected async Task<bool> ReadAsync(long eventId, string? t, SubscriberTokenPurpose purpose)
    {
        var token = tokens.Read(t, purpose);
        if (token.Status == SubscriberTokenStatus.Valid
            && await web.FindAsync(token.SubscriberId, HttpContext.RequestAborted) is { } request && request.EventId == eventId
            && await events.FindAsync(eventId, HttpContext.RequestAborted) is { } e)
        {
            (WebRequest, Event) = (request, e);
            return true;
        }

        Problem = Texts[token.Status == SubscriberTokenStatus.Expired ? WebApplyTextKeys.LinkExpired : WebApplyTextKeys.LinkInvalid];
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return false;
    }
}
