using Microsoft.AspNetCore.Mvc;
using OutreachBot.MailSubscribers;

namespace OutreachBot.Pages.Residents;

/// <summary>
/// <c>/subscribe/unsubscribe?t=</c>, the <c>List-Unsubscribe</c> target. A POST unsubscribes at once (RFC 8058 one-click:
/// mail providers post <c>List-Unsubscribe=One-Click</c> with no cookie or token, hence no anti-forgery); a GET only
/// shows one button, because link scanners open every link in a mail.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class SubscribeUnsubscribeModel(TextCatalog catalog, MailSubscriberStore store, SubscriberTokens tokens, TimeProvider time)
    : SubscriberLinkPage(catalog, store)
{
    public bool Left { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? t)
    {
        var token = tokens.Read(t, SubscriberTokenPurpose.Manage);
        return await SubscriberAsync(token) is null
            ? LinkProblem(token.Status == SubscriberTokenStatus.Valid ? SubscriberTokenStatus.Invalid : token.Status)
            : Page();
    }

    public async Task<IActionResult> OnPostAsync(string? t)
    {
        var token = tokens.Read(t, SubscriberTokenPurpose.Manage);
        if (token.Status != SubscriberTokenStatus.Valid
            || !await Store.EraseAsync(token.SubscriberId, token.TokenVersion, time.GetUtcNow(), HttpContext.RequestAborted))
        {
            return LinkProblem(token.Status == SubscriberTokenStatus.Valid ? SubscriberTokenStatus.Invalid : token.Status);
        }

        Left = true;
        return Page();
    }
}
