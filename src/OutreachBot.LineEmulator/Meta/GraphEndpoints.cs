using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace OutreachBot.LineEmulator.Meta;

/// <summary>
/// The Graph API endpoints the bot calls, under a version (<c>/v26.0/...</c>): objects (<c>/{id}</c>: read, edit,
/// delete) and edges (<c>/{id}/{edge}</c>). Every call needs the Page access token; faults set on <see cref="MetaFaults"/>
/// come first, and every answer carries the usage headers Meta sends.
/// </summary>
internal static partial class GraphEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var handlers = app.ServiceProvider.GetRequiredService<GraphHandlers>();
        var faults = app.ServiceProvider.GetRequiredService<MetaFaults>();
        var book = app.ServiceProvider.GetRequiredService<MetaBook>();

        async Task Handle(HttpContext http)
        {
            var version = (string)http.Request.RouteValues["version"]!;
            var id = (string)http.Request.RouteValues["id"]!;
            var edge = http.Request.RouteValues["edge"] as string;
            if (!Version().IsMatch(version))
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            var request = await GraphRequest.ReadAsync(http, id, edge);
            var fault = faults.Take(http.Request.Path.Value ?? "", request.Publishes);
            UsageHeaders.Write(http.Response.Headers, fault is { Kind: "throttle" } ? fault : null, book.Accounts.PageId);
            var result = request.Token is null ? GraphError.NoToken()
                : request.Token != book.Accounts.PageAccessToken ? GraphError.InvalidToken()
                : fault?.Kind switch
                {
                    "throttle" => GraphError.Throttled(fault.Code),
                    "server-error" => GraphError.ServerError(),
                    "token" => GraphError.ExpiredToken(),
                    _ => await handlers.HandleAsync(request, http.RequestAborted),
                };

            if (fault is { Kind: "timeout-after-publish" })
            {
                await Task.Delay(fault.DelayMilliseconds, http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                http.Abort();
                return;
            }

            await result.ExecuteAsync(http);
        }

        var graph = app.MapGroup("/{version}").ExcludeFromDescription();
        graph.MapMethods("/{id}", ["GET", "POST", "DELETE"], (RequestDelegate)Handle).WithDisplayName("Graph API object");
        graph.MapMethods("/{id}/{edge}", ["GET", "POST"], (RequestDelegate)Handle).WithDisplayName("Graph API edge");
    }

    [GeneratedRegex(@"^v\d{1,3}\.\d$", RegexOptions.CultureInvariant)]
    private static partial Regex Version();
}

/// <summary>
/// <c>X-App-Usage</c>, <c>X-Page-Usage</c> and <c>X-Business-Use-Case-Usage</c> (percentages of the limits used); at 100% with the time to
/// regain access when a throttling fault is played.
/// </summary>
internal static class UsageHeaders
{
    public static void Write(IHeaderDictionary headers, MetaFault? throttle, string pageId)
    {
        var percent = throttle is null ? 1 : 100;
        headers["X-App-Usage"] = JsonSerializer.Serialize(new { call_count = percent, total_cputime = percent, total_time = percent });
        if (throttle is { Code: 32 })
        {
            headers["X-Page-Usage"] = JsonSerializer.Serialize(new { call_count = 100, total_cputime = 100, total_time = 100, estimated_time_to_regain_access = throttle.RegainMinutes });
        }

        if (throttle is { Code: 80001 or 80002 or 613 })
        {
            var type = throttle.Code == 80002 ? "instagram" : "pages";
            headers["X-Business-Use-Case-Usage"] = JsonSerializer.Serialize(new Dictionary<string, object[]>
            {
                [pageId] =
                [
                    new { type, call_count = 100, total_cputime = 100, total_time = 100, estimated_time_to_regain_access = throttle.RegainMinutes },
                ],
            });
        }
    }
}
