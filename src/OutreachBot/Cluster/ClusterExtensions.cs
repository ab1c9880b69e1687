using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OutreachBot.Hosting;

namespace OutreachBot.Cluster;

public static class ClusterExtensions
{
    /// <summary>
    /// The <c>Cluster</c> settings: this process's name among the instances and how they check in; on PostgreSQL also the
    /// sweep that takes over the claims of instances that stopped checking in.
    /// </summary>
    public static IServiceCollection AddCluster(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<ClusterOptions>(configuration, ClusterOptions.Section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClusterOptions>, ClusterOptionsValidator>());
        if (IsClustered(configuration))
        {
            services.AddSingleton<DeadInstanceClaims>();
            services.AddHostedSingleton<DeadInstanceSweep>();
        }

        return services;
    }

    /// <summary>
    /// Whether other instances may share this one's database: only on PostgreSQL. On SQLite the process is alone, and
    /// the scheduler and LINE's rate are its own.
    /// </summary>
    public static bool IsClustered(IConfiguration configuration) =>
        string.Equals(configuration["Storage:Provider"], nameof(StorageProvider.Postgres), StringComparison.OrdinalIgnoreCase);
}
