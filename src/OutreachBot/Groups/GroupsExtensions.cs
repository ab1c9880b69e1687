using Microsoft.AspNetCore.Mvc.RazorPages;
using OutreachBot.Hosting;

namespace OutreachBot.Groups;

public static class GroupsExtensions
{
    /// <summary>Civic groups (団体): their accounts and invitations, profiles with staff's approval, the public directory.</summary>
    public static IServiceCollection AddGroups(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<GroupsOptions>(configuration, GroupsOptions.Section);
        services.AddSingleton<GroupStore>();
        services.AddSingleton<GroupFieldStore>();
        services.AddSingleton<GroupProfiles>();
        services.AddSingleton<GroupInvitations>();
        services.AddSingleton<GroupMails>();
        services.AddHostedSingleton<GroupConfirmRound>();
        services.Configure<RazorPagesOptions>(pages => pages.Conventions.AllowAnonymousToPage("/GroupPortal/Join"));
        return services;
    }

    /// <summary>The staff API's <c>/api/v1/groups</c> and the public logos.</summary>
    public static WebApplication MapGroups(this WebApplication app)
    {
        app.MapGroupsApi();
        app.MapGet("/groups/{id:long}/logo", LogoAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> LogoAsync(long id, GroupStore groups, CancellationToken cancellationToken)
    {
        if (await groups.LogoAsync(id, pending: false, cancellationToken) is not { } logo)
        {
            return Results.NotFound();
        }

        return Results.File(logo.Bytes, logo.ContentType);
    }
}
