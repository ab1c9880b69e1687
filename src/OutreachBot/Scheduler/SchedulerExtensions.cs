using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using OutreachBot.Broadcasts;
using OutreachBot.Cluster;
using Quartz;

namespace OutreachBot.Scheduler;

public static class SchedulerExtensions
{
    /// <summary>
    /// The Quartz scheduler on the persistent job store in the bot's own database, clustered on PostgreSQL under this
    /// process's <c>Cluster:InstanceId</c>. Features add their jobs with their own <c>AddQuartz</c> call.
    /// </summary>
    public static IServiceCollection AddScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        var clustered = ClusterExtensions.IsClustered(configuration);
        var schedulerName = configuration[$"{BroadcastOptions.Section}:{nameof(BroadcastOptions.SchedulerName)}"] is { Length: > 0 } name ? name : "OutreachBot";
        var cluster = configuration.GetSection(ClusterOptions.Section).Get<ClusterOptions>() ?? new ClusterOptions();
        // The bot's one clock: Quartz fires its triggers by the TimeProvider the container holds, and the bot's services
        // read the same one, so a test that replaces it moves both.
        services.TryAddSingleton(TimeProvider.System);
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = schedulerName;
                if (clustered)
                {
                    scheduler.InstanceId = cluster.InstanceId;
                }
            });
            quartz.UsePersistentStore(store =>
            {
                if (clustered)
                {
                    store.UsePostgres(source => source.DataSourceFactory = sp =>
                        NpgsqlDataSource.Create(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString!));
                    store.UseClustering(clustering =>
                    {
                        clustering.CheckinInterval = cluster.CheckinInterval;
                        clustering.CheckinMisfireThreshold = cluster.CheckinMisfireThreshold;
                    });
                }
                else
                {
                    store.UseSqlite(source => source.DataSourceFactory = sp => SqliteFactory.Instance.CreateDataSource(SqliteConnectionStrings.Resolve(
                        sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString, sp.GetRequiredService<IHostEnvironment>().ContentRootPath)));
                }
            });
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return services;
    }
}
