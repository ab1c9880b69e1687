using Microsoft.AspNetCore.Mvc;
using OutreachBot.Analytics.Clicks;
using OutreachBot.PublicSite;

namespace OutreachBot.PublicSite.Pages;

/// <summary>
/// A link from a broadcast: counts the click and answers 302 to the URL the broadcast held. A code no broadcast was
/// given answers the not-found page and counts nothing.
/// </summary>
public sealed class ClickRedirectModel(TextCatalog catalog, ClickLinks links, ClickCounts counts) : PublicPage(catalog)
{
    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await links.FindAsync(code, cancellationToken) is not { } link)
        {
            return NotFoundPage();
        }

        await counts.RecordAsync(link, HttpContext.Connection.RemoteIpAddress?.ToString(), Request.Headers.UserAgent.ToString(), cancellationToken);
        return Redirect(link.Url);
    }
}
