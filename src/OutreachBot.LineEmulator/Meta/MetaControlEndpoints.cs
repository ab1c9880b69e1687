using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.LineEmulator.Chat;

namespace OutreachBot.LineEmulator.Meta;

/// <summary>
/// Controls of the emulated Page and Instagram account under <c>/_emulator/meta</c>: its state (GET), the follower
/// counts (PUT <c>/followers</c> with <c>{"page": n, "instagram": n}</c>), faults (POST one <see cref="MetaFault"/>
/// to <c>/faults</c>, DELETE to clear) and sample images (<c>/images/sample.jpg</c>, <c>sample.png</c>).
/// </summary>
internal static class MetaControlEndpoints
{
    public const string Prefix = "/_emulator/meta";

    public static void Map(IEndpointRouteBuilder app)
    {
        var book = app.ServiceProvider.GetRequiredService<MetaBook>();
        var faults = app.ServiceProvider.GetRequiredService<MetaFaults>();
        var group = app.MapGroup(Prefix).ExcludeFromDescription();

        group.MapGet("", () => ChatJson.Ok(new
        {
            page = new { id = book.Accounts.PageId, name = book.Accounts.PageName, followers = book.PageFollowers, posts = book.Posts },
            instagram = new { id = book.Accounts.InstagramUserId, username = book.Accounts.InstagramUsername, followers = book.InstagramFollowers, media = book.Media },
            faults = faults.Pending,
        }));
        group.MapPut("/followers", async (HttpContext http) =>
        {
            var counts = await http.Request.ReadFromJsonAsync<FollowerCounts>(ChatJson.Options);
            if (counts is null || counts.Page < 0 || counts.Instagram < 0)
            {
                return Results.BadRequest("Send {\"page\": n, \"instagram\": n} with counts of zero or more.");
            }

            book.PageFollowers = counts.Page ?? book.PageFollowers;
            book.InstagramFollowers = counts.Instagram ?? book.InstagramFollowers;
            return Results.NoContent();
        });
        group.MapPost("/faults", async (HttpContext http) =>
        {
            var fault = await http.Request.ReadFromJsonAsync<MetaFault>(ChatJson.Options);
            if (fault is null || !fault.IsValid)
            {
                return Results.BadRequest(
                    $"kind is one of {string.Join(", ", MetaFault.Kinds)}; a throttle's code one of {string.Join(", ", MetaFault.ThrottleCodes)}; count above 0 or null.");
            }

            faults.Add(fault);
            return Results.NoContent();
        });
        group.MapDelete("/faults", () =>
        {
            faults.Clear();
            return Results.NoContent();
        });
        group.MapGet("/images/sample.jpg", () => Results.Bytes(SampleImages.Jpeg, "image/jpeg"));
        group.MapGet("/images/sample.png", () => Results.Bytes(SampleImages.Png, "image/png"));
    }

    private sealed record FollowerCounts(long? Page, long? Instagram);
}
