using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Staff;
using OutreachBot.StaffConsole;
using OutreachBot.Tests.StaffConsole;

namespace OutreachBot.Tests.Groups;

/// <summary>
/// A civic group's account: invited by staff with a one-time link, signed in at the console's own sign-in, and admitted
/// to its own pages only. The walk takes every route the bot maps, as the app lists them, so a route added later is
/// walked too.
/// </summary>
public abstract class GroupAccessTests(string provider) : ConsoleHost(provider, GroupConsole.Settings)
{
    /// <summary>What a group account may open besides the public pages: its own pages and what every signed-in account uses.</summary>
    private static readonly HashSet<string> Own =
        ["/console/group", "/console/signout", "/console/denied", "/console/account/password"];

    [SkippableFact]
    public async Task Invitation_UsedOnce_MakesAGroupAccountThatSignsInToItsOwnPage()
    {
        using var staff = await ConsoleSession.SignedInAsync(Bot, StaffRole.Editor);
        var (id, link) = await GroupConsole.InviteAsync(staff, "富里こども食堂の会", "contact@example.jp");

        using var contact = await GroupConsole.JoinAsync(Bot, link, "kodomo-shokudo");
        using var again = ConsoleSession.Anonymous(Bot);
        using var reused = await again.Client.GetAsync(link);
        using var signIn = ConsoleSession.Anonymous(Bot);
        using var signedIn = await signIn.SignInAsync("kodomo-shokudo", ConsoleSession.Password);

        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Equal("/console/group", ConsoleSession.PathOf(signedIn));
        Assert.Contains("富里こども食堂の会", await signIn.GetPageAsync("/console/group"));
        Assert.Equal(1, await Database.ScalarAsync<long>($"SELECT COUNT(*) FROM group_accounts WHERE group_id = {id}"));
        Assert.Equal(1, await CountAuditAsync(AuditActions.GroupJoined, "kodomo-shokudo"));
    }

    [SkippableFact]
    public async Task Invitation_PastItsLifetime_OpensNothing()
    {
        using var staff = await ConsoleSession.SignedInAsync(Bot, StaffRole.Editor);
        var (_, link) = await GroupConsole.InviteAsync(staff, "環境の会", "kankyo@example.jp");
        await Database.ExecuteAsync("UPDATE group_invitations SET expires_at = 0");

        using var contact = ConsoleSession.Anonymous(Bot);
        using var expired = await contact.Client.GetAsync(link);

        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
    }

    [SkippableFact]
    public async Task GroupAccount_EveryRouteButItsOwnAndThePublicOnes_IsRefused()
    {
        using var staff = await ConsoleSession.SignedInAsync(Bot, StaffRole.Admin);
        var (_, link) = await GroupConsole.InviteAsync(staff, "防災ボランティアの会", "bosai@example.jp");
        using var group = await GroupConsole.JoinAsync(Bot, link, "bosai-kai");
        var walked = 0;
        foreach (var endpoint in Bot.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = RouteTests.Route(endpoint);
            if (Own.Contains(route) || RouteTests.Public.ContainsKey(route))
            {
                continue;
            }

            var path = RouteTests.SamplePath(endpoint.RoutePattern);
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"])
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method is "POST" or "PUT" or "PATCH")
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }

                using var response = await group.Client.SendAsync(request);
                var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                    || (response.StatusCode == HttpStatusCode.Redirect && ConsoleSession.PathOf(response) == StaffCookie.DeniedPath);
                Assert.True(refused, $"{method} {path} answered {(int)response.StatusCode} {response.Headers.Location} to a group account");
                walked++;
            }
        }

        Assert.True(walked > 50, $"only {walked} routes were walked");
        Assert.Equal(HttpStatusCode.OK, (await group.Client.GetAsync("/console/group")).StatusCode);
    }

    [SkippableFact]
    public async Task GroupAccount_StaffPagesAndApi_RefusedWithTheRefusalPageItCanRead()
    {
        using var staff = await ConsoleSession.SignedInAsync(Bot, StaffRole.Admin);
        var (id, link) = await GroupConsole.InviteAsync(staff, "子育て支援の会", "kosodate@example.jp");
        using var group = await GroupConsole.JoinAsync(Bot, link, "kosodate");

        using var dashboard = await group.Client.GetAsync("/console");
        using var denied = await group.Client.GetAsync(StaffCookie.DeniedPath);
        using var api = await group.Client.GetAsync($"/api/v1/groups/{id}");

        Assert.Equal(StaffCookie.DeniedPath, ConsoleSession.PathOf(dashboard));
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("/console/group", await denied.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.DoesNotContain(await Bot.Services.GetRequiredService<StaffAccountStore>().ListAsync(default), a => a.Username == "kosodate");
    }
}

public sealed class GroupAccessTestsOnSqlite() : GroupAccessTests("Sqlite");

public sealed class GroupAccessTestsOnPostgres() : GroupAccessTests("Postgres");
