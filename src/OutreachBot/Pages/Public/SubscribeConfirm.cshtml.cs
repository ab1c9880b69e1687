using Microsoft.AspNetCore.Mvc;
using OutreachBot.MailSubscribers;

namespace OutreachBot.Pages.Residents;

/// <summary><c>/subscribe/confirm?t=</c>: the confirmation mail's link (48 hours). Opening it confirms; opening it again says so again.</summary>
public sealed class SubscribeConfirmModel(TextCatalog catalog, MailSubscriberStore store, SubscriberTokens tokens, TimeProvider time)
    : SubscriberLinkPage(catalog, store)
{
    public async Task<IActionResult> OnGetAsync(string? t)
    {
        var token = tokens.Read(t, SubscriberTokenPurpose.Confirm);
        if (token.Status != SubscriberTokenStatus.Valid)
        {
            return LinkProblem(token.Status);
        }

        if (!await Store.ConfirmAsync(token.SubscriberId, token.TokenVersion, time.GetUtcNow(), HttpContext.RequestAborted)
            && await SubscriberAsync(token) is not { Status: MailSubscriberStatus.Confirmed })
        {
            return LinkProblem(SubscriberTokenStatus.Invalid);
        }

        return Page();
    }
}
