using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OutreachBot.LineEmulator.State;

namespace OutreachBot.LineEmulator.Chat;

public static class ChatEndpoints
{
    public const string PagePath = "/chat";
    public const string ApiPrefix = "/_emulator/chat";

    /// <summary>
    /// Everything the page loads comes from this origin; bot images may come from anywhere over https (as in LINE)
    /// or from a local server. Styles set from data go through the CSSOM, which CSP does not restrict. Style attributes
    /// (no inline style sheets, no inline scripts) are allowed for the mail panel: a mail's HTML, shown in a sandboxed
    /// <c>srcdoc</c> frame without scripts, inherits this policy, and mail HTML is styled by attributes.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; connect-src 'self'; " +
        "img-src 'self' data: https: http://localhost:* http://127.0.0.1:*; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>
    /// Maps the chat page at <c>/chat</c> and its control API under <c>/_emulator/chat</c>. Returns the group so the
    /// host can add conventions (e.g. <c>AllowAnonymous()</c> when it has a fallback authorization policy).
    /// </summary>
    public static RouteGroupBuilder MapLineEmulatorChat(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        RequireState(endpoints.ServiceProvider);

        var chat = endpoints.MapGroup("");
        chat.AddEndpointFilter(SecurityHeaders);
        chat.MapGet(PagePath, ChatAssets.Page).ExcludeFromDescription();

        var api = chat.MapGroup(ApiPrefix).ExcludeFromDescription();
        api.AddEndpointFilter(SameOriginOnly);
        api.MapGet("/assets/{name}", ChatAssets.File);
        api.MapGet("/config", (IOptionsMonitor<ChatOptions> options) => ChatJson.Ok(new
        {
            botWebhookUrl = options.CurrentValue.BotWebhookUrl,
            destination = options.CurrentValue.Destination,
            maxTextLength = ChatRules.MaxTextLength,
        }));
        CitizenEndpoints.Map(api);
        MailEndpoints.Map(chat.MapGroup(MailEndpoints.Prefix).ExcludeFromDescription());
        return chat;
    }

    private static void RequireState(IServiceProvider services)
    {
        foreach (var type in (Type[])[typeof(ReplyTokenBook), typeof(EmulatedUsers), typeof(ChatTranscript), typeof(CitizenActions)])
        {
            if (services.GetService(type) is null)
            {
                throw new InvalidOperationException(
                    $"MapLineEmulatorChat needs {type.Name}: register the emulator's State singletons and call AddLineEmulatorChat().");
            }
        }
    }

    private static ValueTask<object?> SecurityHeaders(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        return next(context);
    }

    /// <summary>
    /// The emulator listens on localhost with no login: refuse what another site's page makes a browser send,
    /// so visiting a web page cannot make a citizen act. Scripts (no Origin header) are welcome.
    /// </summary>
    private static ValueTask<object?> SameOriginOnly(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            return next(context);
        }

        var origin = request.Headers.Origin.ToString();
        var crossSite = request.Headers["Sec-Fetch-Site"].ToString() is "cross-site" or "same-site";
        if (crossSite || (origin.Length > 0 && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase)))
        {
            return ValueTask.FromResult<object?>(Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Cross-origin request",
                detail: "The chat's control API only accepts requests from its own page or from scripts."));
        }

        return next(context);
    }
}
