using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace OutreachBot.LineEmulator.Api;

/// <summary>
/// The emulator's own controls under <c>/_emulator</c>, for runs driven from outside .NET (benchmarks, curl):
/// faults (GET, PUT, DELETE <c>/_emulator/faults</c>), the request record (GET, DELETE <c>/_emulator/requests</c>,
/// <c>?path=</c> to filter), deliveries (GET <c>/_emulator/deliveries</c>) and reply tokens for webhooks made outside
/// (POST <c>/_emulator/reply-tokens</c> with a JSON array of user ids: one fresh token each, in the same order).
/// </summary>
internal static class ControlEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var faults = app.ServiceProvider.GetRequiredService<FaultInjector>();
        var journal = app.ServiceProvider.GetRequiredService<RequestJournal>();
        var replyTokens = app.ServiceProvider.GetRequiredService<State.ReplyTokenBook>();
        var group = app.MapGroup("/_emulator").ExcludeFromDescription();

        group.MapGet("/faults", (RequestDelegate)(http =>
            http.Response.WriteAsJsonAsync(faults.Current, EmulatorJsonContext.Default.FaultSettings)));
        group.MapPut("/faults", (RequestDelegate)(async http =>
        {
            var settings = await http.Request.ReadFromJsonAsync(EmulatorJsonContext.Default.FaultSettings);
            if (settings is null || !IsValid(settings))
            {
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                await http.Response.WriteAsync("Shares are 0..1 and add up to at most 1; delays and counts are not negative.");
                return;
            }

            faults.Set(settings);
            await http.Response.WriteAsJsonAsync(faults.Current, EmulatorJsonContext.Default.FaultSettings);
        }));
        group.MapDelete("/faults", (RequestDelegate)(http =>
        {
            faults.Clear();
            http.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }));

        group.MapGet("/requests", (RequestDelegate)(http =>
        {
            var path = http.Request.Query["path"].ToString();
            var requests = path.Length == 0 ? journal.Requests : journal.For(path);
            return http.Response.WriteAsJsonAsync(requests, EmulatorJsonContext.Default.IReadOnlyListRecordedRequest);
        }));
        group.MapDelete("/requests", (RequestDelegate)(http =>
        {
            journal.Clear();
            http.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }));
        group.MapPost("/reply-tokens", (RequestDelegate)(async http =>
        {
            var users = await http.Request.ReadFromJsonAsync(EmulatorJsonContext.Default.IReadOnlyListString);
            if (users is null || users.Any(string.IsNullOrEmpty))
            {
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                await http.Response.WriteAsync("Send a JSON array of user ids.");
                return;
            }

            IReadOnlyList<string> tokens = [.. users.Select(replyTokens.Issue)];
            await http.Response.WriteAsJsonAsync(tokens, EmulatorJsonContext.Default.IReadOnlyListString);
        }));
        group.MapGet("/deliveries", (RequestDelegate)(http =>
            http.Response.WriteAsJsonAsync(journal.Deliveries, EmulatorJsonContext.Default.IReadOnlyListDelivery)));
    }

    internal static bool IsValid(FaultSettings s)
    {
        double[] shares = [s.TooManyRequests, s.ServerError, s.DropConnection, s.Slow];
        return shares.All(x => x is >= 0 and <= 1) && shares.Sum() <= 1.000001
            && s.SlowMilliseconds >= 0 && s.MaxFaults is null or >= 0 && s.RetryAfterSeconds is null or >= 0;
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FaultSettings))]
[JsonSerializable(typeof(IReadOnlyList<RecordedRequest>))]
[JsonSerializable(typeof(IReadOnlyList<Delivery>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class EmulatorJsonContext : JsonSerializerContext;
