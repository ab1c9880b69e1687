using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using OutreachBot.Cluster;
using OutreachBot.Hosting;

namespace OutreachBot.LineSending;

public static class LineSendingExtensions
{
    /// <summary>
    /// LINE's per-channel ceilings on multicast and on every push (the gate on every HTTP client the bot builds), and
    /// this process's share of them: on PostgreSQL split across the cluster's live instances, on SQLite all of it.
    /// Call it after <c>AddScheduler()</c>: the cluster's share reads the scheduler's check-ins once it has started.
    /// </summary>
    public static IServiceCollection AddLineSending(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<MulticastRateLimiter>();
        services.AddSingleton<PushRateLimiter>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, PushRateGate>());
        if (ClusterExtensions.IsClustered(configuration))
        {
            services.AddSingleton<IRateShare>(sp => sp.GetRequiredService<ClusterRateShare>());
            services.AddHostedSingleton<ClusterRateShare>();
        }
        else
        {
            services.AddSingleton<IRateShare, WholeRateShare>();
        }

        return services;
    }
}
