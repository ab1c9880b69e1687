namespace OutreachBot.StaffConsole;

/// <summary>
/// Headers on every answer: a Content-Security-Policy that admits only this site's own scripts, styles and images
/// (no inline script, no framing), no MIME sniffing, and no referrer sent elsewhere. A page that must show more (the public
/// pages show staff's https images) sets its own policy, which is kept.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    private const string StyleAttributesKey = "OutreachBot.Csp.StyleAttributes";

    /// <summary>
    /// Admits style attributes (no style sheets, no scripts) on this answer: a mail preview's frame inherits the page's
    /// policy, and mails carry their styles inline because mail clients drop style sheets.
    /// </summary>
    public static void AllowStyleAttributes(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[StyleAttributesKey] = true;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
                {
                    headers.ContentSecurityPolicy = context.Items.ContainsKey(StyleAttributesKey) ? ContentSecurityPolicy + "; style-src-attr 'unsafe-inline'" : ContentSecurityPolicy;
                }

                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                return Task.CompletedTask;
            });
            return next(context);
        });
}
