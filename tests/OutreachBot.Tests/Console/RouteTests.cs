using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Staff;
using OutreachBot.StaffConsole;

namespace OutreachBot.Tests.StaffConsole;

/// <summary>
/// Every route the bot maps needs a signed-in staff member (console) or an API key (/api/v1), except these, each
/// public for the reason given. A route added later without saying AllowAnonymous is closed by the fallback policy;
/// one that says it fails here until it is added to this list with its reason.
/// </summary>
public sealed class RouteTests() : ConsoleHost("Sqlite")
{
    public static readonly IReadOnlyDictionary<string, string> Public = new Dictionary<string, string>
    {
        ["/healthz"] = "liveness probe of systemd and monitoring; answers nothing but Healthy",
        ["/readyz"] = "readiness probe of the load balancer; names the failing part, nothing more",
        ["/console/signin"] = "the sign-in page itself",
        ["/console/language"] = "the language switch on the sign-in page; sets a preference cookie, needs the anti-forgery token",
        ["/openapi/{documentName}.json"] = "the staff API's shape only (the same as the source); every call in it needs a key",
        ["/news"] = "residents read the broadcasts staff published on the web",
        ["/news/{id:long}"] = "one published broadcast; unpublished ones answer 404",
        ["/r/{code}"] = "a link in a broadcast, tapped by a resident: counted, then 302 to the URL the broadcast held; a code it never gave answers 404",
        ["/events"] = "the events calendar residents read",
        ["/events/{id:long}"] = "one event of the public calendar",
        ["/events/{id:long}.ics"] = "one event for a resident's calendar app",
        ["/events/{id:long}/apply"] = "residents without LINE apply by e-mail; double opt-in, flood limits per address and per client",
        ["/events/{id:long}/apply/confirm"] = "the application's confirmation link; needs its signed 48-hour token, and a button to take the seat",
        ["/events/{id:long}/apply/cancel"] = "the cancel link in the mail confirming an application; needs its signed token",
        ["/feeds/news.atom"] = "the published news for feed readers and the city's site",
        ["/feeds/topics/{slug}.atom"] = "the published news of one topic",
        ["/feeds/events.ics"] = "the events calendar for calendar apps",
        ["/subscribe"] = "residents subscribe by e-mail; double opt-in, flood limits per address and per client",
        ["/subscribe/confirm"] = "the confirmation mail's link; needs its signed 48-hour token",
        ["/subscribe/manage"] = "a subscriber's settings from a link in every mail; needs its signed token",
        ["/groups"] = "residents find civic groups: only profiles staff approved",
        ["/groups/{id:long}"] = "one civic group's approved profile",
        ["/groups/{id:long}/logo"] = "an approved group's logo, re-encoded by the bot and served as the image it is",
        ["/console/group/join"] = "a group's invitation link; needs its one-time, expiring token",
        ["/subscribe/unsubscribe"] = "the List-Unsubscribe target (RFC 8058 one-click POST); needs its signed token",
    };

    [Fact]
    public async Task Endpoints_All_NeedAuthenticationExceptTheAllowList()
    {
        var open = new List<string>();
        foreach (var endpoint in RouteEndpoints())
        {
            if (!await RequiresAuthenticationAsync(endpoint))
            {
                open.Add(Route(endpoint));
            }
        }

        Assert.Equal(Public.Keys.Order(), open.Distinct().Order());
    }

    [Fact]
    public async Task Endpoints_EveryClosedOne_RefusesAnAnonymousRequest()
    {
        using var session = ConsoleSession.Anonymous(Bot);
        var checkedRoutes = 0;
        foreach (var endpoint in RouteEndpoints().Where(e => !Public.ContainsKey(Route(e))))
        {
            var path = SamplePath(endpoint.RoutePattern);
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"])
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method is "POST" or "PUT" or "PATCH")
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }

                using var response = await session.Client.SendAsync(request);
                var refused = response.StatusCode == HttpStatusCode.Unauthorized
                    || (response.StatusCode == HttpStatusCode.Redirect && ConsoleSession.PathOf(response) == StaffCookie.SignInPath);
                Assert.True(refused, $"{method} {path} answered {(int)response.StatusCode} {response.Headers.Location} to an anonymous request");
                checkedRoutes++;
            }
        }

        Assert.True(checkedRoutes > 20, $"only {checkedRoutes} routes were checked");
    }

    [Fact]
    public async Task Endpoints_ApiRoutesWithAWrongKey_Answer401()
    {
        using var client = Bot.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-key");
        foreach (var endpoint in RouteEndpoints().Where(e => Route(e).StartsWith("/api/", StringComparison.Ordinal)))
        {
            var method = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods[0];
            using var request = new HttpRequestMessage(new HttpMethod(method), SamplePath(endpoint.RoutePattern));
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(request)).StatusCode);
        }
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/console/signin")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/console/console.css")]
    [InlineData("/console/console.js")]
    public async Task Public_Route_AnswersWithoutSignIn(string path)
    {
        using var session = ConsoleSession.Anonymous(Bot);

        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync(path)).StatusCode);
    }

    /// <summary>The route as written, with its leading slash (Razor Pages drop it).</summary>
    internal static string Route(RouteEndpoint endpoint) => "/" + endpoint.RoutePattern.RawText!.TrimStart('/');

    private List<RouteEndpoint> RouteEndpoints() =>
        [.. Bot.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];

    /// <summary>As the authorization middleware decides: AllowAnonymous wins, else the endpoint's policies, else the fallback policy.</summary>
    private async Task<bool> RequiresAuthenticationAsync(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return false;
        }

        var provider = Bot.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var policy = await AuthorizationPolicy.CombineAsync(
                         provider, endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>())
                     ?? await provider.GetFallbackPolicyAsync();
        return policy?.Requirements.Any(r => r is DenyAnonymousAuthorizationRequirement or RolesAuthorizationRequirement) == true;
    }

    internal static string SamplePath(RoutePattern pattern)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart { Name: "id" or "before" } => "1",
                    RoutePatternParameterPart { Name: "documentName" } => "v1",
                    _ => "x",
                });
            }
        }

        return path.Length == 0 ? "/" : path.ToString();
    }
}
