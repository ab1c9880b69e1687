using Microsoft.AspNetCore.Mvc;
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

    /// <summary>Which links this page takes.</summary>
    protected abstract SubscriberTokenPurpose Purpose { get; }

    /// <summary>The link opened: the page's one button (a mail scanner that follows links presses nothing).</summary>
    public async Task<IActionResult> OnGetAsync(long id, string? t)
    {
        await ReadAsync(id, t);
        return Page();
    }

    /// <summary>The button pressed: what it does, shown as <see cref="Outcome"/>.</summary>
    public async Task<IActionResult> OnPostAsync(long id, string? t)
    {
        if (await ReadAsync(id, t))
        {
            await ActAsync(WebRequest!, Event!);
        }

        return Page();
    }

    /// <summary>Does what the button says and sets <see cref="Outcome"/> (with 409 when it could not be done).</summary>
    protected abstract Task ActAsync(WebApplicationRequest request, CivicEvent e);

    /// <summary>The request the link names; false with the 400 set up when the link does not work.</summary>
    private async Task<bool> ReadAsync(long eventId, string? t)
    {
        var token = tokens.Read(t, Purpose);
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
