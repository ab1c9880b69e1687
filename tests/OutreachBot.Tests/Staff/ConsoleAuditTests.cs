using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.LineEmulator.Hosting;
using OutreachBot.Staff;
using OutreachBot.Tests.Infrastructure;
using OutreachBot.Tests.StaffConsole;

namespace OutreachBot.Tests.Staff;

/// <summary>
/// Every POST handler of the console (each page under <c>/console</c>, each of its handlers as the app itself finds
/// them) either changes something and leaves exactly one audit entry naming the signed-in staff member, or is listed
/// with the reason it changes nothing. The table says how to make each succeed; a handler in neither fails the walk, so
/// a new form cannot go unrecorded.
/// </summary>
public abstract partial class ConsoleAuditTests(string provider) : IAsyncLifetime
{
    private const int MonthlyQuota = 100;

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Broadcasts:RequireApproval"] = "true",
        ["Broadcasts:QuietHoursStart"] = "00:00",
        ["Broadcasts:QuietHoursEnd"] = "00:00",
        ["Site:PublicBaseUrl"] = "https://katsudo.city.example.jp/",
    };

    private ConversationHost _host = null!;
    private AuditWalkSetUp _setUp = null!;

    private TestDatabase Database => _host.Database;

    public async Task InitializeAsync()
    {
        _host = await ConversationHost.StartAsync(provider, Settings, new EmulatorOptions { ChannelSecret = TestBot.ChannelSecret, MonthlyQuota = MonthlyQuota });
        _setUp = new AuditWalkSetUp(_host, MonthlyQuota);
        await SignInAsync();
    }

    public async Task DisposeAsync()
    {
        DisposeSessions();
        await _host.DisposeAsync();
    }

    [SkippableFact]
    public async Task PostHandlers_EachIsInTheTableOrAReadWithItsReason_ANewHandlerFailsUntilItIsListed()
    {
        var handlers = await PostHandlersAsync();
        var listed = Table.Select(f => f.Handler).Concat(Reads.Select(r => r.Handler)).ToHashSet();

        Assert.Contains("/console/signin", handlers); // the walk sees the pages at all
        Assert.Empty(handlers.Except(listed));
        Assert.Empty(listed.Except(handlers));
    }

    [SkippableFact]
    public async Task ChangingForms_EachSucceeding_LeavesExactlyOneAuditEntryNamingTheSignedInStaffMember()
    {
        foreach (var form in Table)
        {
            if (form.Prepare is { } prepare)
            {
                await prepare();
            }

            var before = await CountAsync();
            using var response = await form.Post();
            Assert.True(
                response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK,
                $"{form.Handler} ({form.Action}): {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");

            Assert.True(before + 1 == await CountAsync(), $"{form.Handler} ({form.Action}) left {await CountAsync() - before} entries");
            Assert.Equal($"{form.Action} {form.Actor}", await Database.ScalarAsync<string>("SELECT action || ' ' || actor FROM audit_log ORDER BY id DESC LIMIT 1"));
        }
    }

    [SkippableFact]
    public async Task Reads_EachSucceeding_LeavesNoAuditEntry()
    {
        foreach (var read in Reads)
        {
            var before = await CountAsync();
            using var response = await read.Post();

            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{read.Handler}: {(int)response.StatusCode}");
            Assert.True(before == await CountAsync(), $"{read.Handler} ({read.Reason}) left an audit entry");
        }
    }

    /// <summary>Every POST handler of a console page, as <c>route</c> (the default handler) or <c>route?handler=Name</c>.</summary>
    private async Task<HashSet<string>> PostHandlersAsync()
    {
        var loader = Get<PageLoader>();
        var handlers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in Get<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page || !route.StartsWith("/console", StringComparison.Ordinal))
            {
                continue;
            }

            var compiled = await loader.LoadAsync(page, endpoint.Metadata);
            foreach (var handler in compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase)))
            {
                handlers.Add(handler.Name is null ? route : $"{route}?handler={handler.Name}");
            }
        }

        return handlers;
    }

    private T Get<T>()
        where T : notnull => _host.Bot.Services.GetRequiredService<T>();

    private Task<long> CountAsync() => Database.ScalarAsync<long>("SELECT COUNT(*) FROM audit_log");

    private Task<long> LatestIdAsync(string table) => _setUp.LatestIdAsync(table);

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <param name="Handler">The route, with <c>?handler=Name</c> for a named handler.</param>
    /// <param name="Prepare">What the form needs first that is itself a change (and so leaves its own entry).</param>
    private sealed record Form(string Handler, string Action, string Actor, Func<Task<HttpResponseMessage>> Post, Func<Task>? Prepare = null);

    private sealed record Read(string Handler, string Reason, Func<Task<HttpResponseMessage>> Post);
}

public sealed class ConsoleAuditTestsOnSqlite() : ConsoleAuditTests("Sqlite");

public sealed class ConsoleAuditTestsOnPostgres() : ConsoleAuditTests("Postgres");
