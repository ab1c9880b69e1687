using Microsoft.AspNetCore.Http.HttpResults;
using OutreachBot.Api;

namespace OutreachBot.Profiles.CityLists;

/// <summary>Staff API for the city's lists: <c>GET /api/v1/city-lists</c>, what broadcast targets name (they are kept on the console).</summary>
public static class CityListsApi
{
    public static RouteGroupBuilder MapCityListsApi(this IEndpointRouteBuilder app)
    {
        var lists = app.MapStaffApiGroup().MapGroup("/city-lists").WithTags("City lists");
        lists.MapGet("/", ReadAsync)
            .WithSummary("Areas, their districts and the skills, retired ones included (retiredAt): the names a target's districts and the slugs its skills take.");
        return lists;
    }

    private static async Task<Ok<CityLists>> ReadAsync(CityListStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ReadAsync(cancellationToken));
}
