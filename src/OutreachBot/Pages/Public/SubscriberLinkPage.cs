using Microsoft.AspNetCore.Mvc;
using OutreachBot.MailSubscribers;
using OutreachBot.PublicSite;

namespace OutreachBot.Pages.Residents;

/// <summary>
/// A page reached from a link in a mail (<c>?t=</c>). A link that is forged, truncated, expired or no longer current
/// answers 400 with what to do (subscribe again), in the reader's language.
/// </summary>
public abstract class SubscriberLinkPage(TextCatalog catalog, MailSubscriberStore store) : PublicPage(catalog)
{
    /// <summary>Why the link does not work, when it does not: shown instead of the page's content.</summary>
    public string? Problem { get; private set; }

    protected MailSubscriberStore Store => store;

    /// <summary>The subscriber the link names, if the link is valid and still theirs (same token version, address not erased).</summary>
    protected async Task<MailSubscriber?> SubscriberAsync(SubscriberToken token)
    {
        if (token.Status != SubscriberTokenStatus.Valid)
        {
            return null;
        }

        var subscriber = await store.FindAsync(token.SubscriberId, HttpContext.RequestAborted);
        return subscriber is { Address: not null } && subscriber.TokenVersion == token.TokenVersion ? subscriber : null;
    }

    protected IActionResult LinkProblem(SubscriberTokenStatus status)
    {
        Problem = Texts[status == SubscriberTokenStatus.Expired ? SubscribeTextKeys.LinkExpired : SubscribeTextKeys.LinkInvalid];
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
