using Microsoft.AspNetCore.Authentication;

namespace OutreachBot.Api;

public static class StaffApiExtensions
{
    public const string Policy = "StaffApi";

    public static IServiceCollection AddStaffApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.Section));
        services.AddSingleton<ApiKeyStore>();
        services.AddHostedService<ApiKeyBootstrap>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName).RequireAuthenticatedUser());
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
        return app.MapGroup("/api/v1")
            .RequireAuthorization(Policy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }
}

/// <summary>Creates the API key given in <c>Console:BootstrapApiKey</c> the first time the bot starts with it.</summary>
internal sealed class ApiKeyBootstrap(ApiKeyStore keys, IConfiguration configuration) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var key = configuration["Console:BootstrapApiKey"];
        if (!string.IsNullOrWhiteSpace(key))
        {
            await keys.AddIfMissingAsync("bootstrap", key, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
