using Microsoft.Extensions.Options;

namespace OutreachBot.Hosting;

public static class HostingExtensions
{
    /// <summary>
    /// A feature's settings: bound from their section, checked against their annotations and any further
    /// <c>Validate</c> the caller adds, at start, so that an invalid setting stops the start with every failure named.
    /// </summary>
    public static OptionsBuilder<TOptions> AddSettings<TOptions>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class =>
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateDataAnnotations().ValidateOnStart();

    /// <summary>
    /// A hosted service that is also a singleton others use (to ask whether it runs, to call a round in tests): one
    /// instance serves both.
    /// </summary>
    public static IServiceCollection AddHostedSingleton<TService>(this IServiceCollection services)
        where TService : class, IHostedService
    {
        services.AddSingleton<TService>();
        services.AddHostedService(sp => sp.GetRequiredService<TService>());
        return services;
    }
}
