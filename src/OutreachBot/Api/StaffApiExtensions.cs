using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace OutreachBot.Api;

public static class StaffApiExtensions
{
    /// <summary>Any staff key: a viewer's reads. The whole <c>/api/v1</c> group needs it.</summary>
    public const string Policy = "StaffApi";
    public const string EditPolicy = "StaffApiEdit";
    public const string ApprovePolicy = "StaffApiApprove";
    public const string AdminPolicy = "StaffApiAdmin";

    public static IServiceCollection AddStaffApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>().Configure(o => ApiOptions.Read(configuration, o)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>());
        services.AddSingleton<ApiKeyStore>();
        services.AddHostedService<ApiKeyBootstrap>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        // The roles at or above each rung, as ApiKeyAuthentication states a key's, on the API key scheme only.
        services.AddAuthorizationBuilder().AddRungs(ApiKeyAuthentication.SchemeName, Policy, EditPolicy, ApprovePolicy, AdminPolicy);
        services.AddProblemDetails();
        services.AddOpenApi("v1");
        return services;
    }

    /// <summary>
    /// The <c>/api/v1</c> group: every route in it needs a staff API key, so each may answer 401 or 403 (as problem
    /// details, through the status code pages). Features add their routes to it.
    /// </summary>
    public static RouteGroupBuilder MapStaffApi(this WebApplication app)
    {
        // Public: the document describes the API's shape only (the same as this open source code); every call it
        // describes needs a key. Tools that generate clients or show the API fetch it without credentials.
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        return app.MapStaffApiGroup();
    }

    /// <summary>
    /// Another <c>/api/v1</c> group with the same rules, for a feature that maps its routes on a line of its own in
    /// Program.cs (the OpenAPI document is mapped once, by <see cref="MapStaffApi"/>).
    /// </summary>
    public static RouteGroupBuilder MapStaffApiGroup(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api/v1")
            .RequireAuthorization(Policy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>States the problem statuses a route's handler answers, which the union it returns cannot name.</summary>
    public static RouteHandlerBuilder Refuses(this RouteHandlerBuilder route, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            route.ProducesProblem(status);
        }

        return route;
    }

    /// <summary>The call changes what editors change in the console (topics, events, the FAQ, broadcasts, answers, retries).</summary>
    public static TBuilder ForEditors<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(EditPolicy);

    /// <summary>The call does what only approvers do in the console (approve or send back a broadcast).</summary>
    public static TBuilder ForApprovers<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(ApprovePolicy);

    /// <summary>The call does what only admins do in the console (force a broadcast held for quota).</summary>
    public static TBuilder ForAdmins<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(AdminPolicy);
}
