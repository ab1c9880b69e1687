using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using Npgsql;
using OutreachBot.Cluster;
using OutreachBot.Storage;
using Quartz;

namespace OutreachBot.Broadcasts;

public static class BroadcastsExtensions
{
    /// <summary>
    /// Broadcasts: options, the Quartz scheduler on the persistent job store in the bot's own database (clustered on
    /// PostgreSQL, with this process's share of LINE's rate), the ceilings on multicast and on every push, the fan-out worker and its LINE client, and stand-ins for the events calendar until it registers its own.
    /// </summary>
    public static IServiceCollection AddBroadcasts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BroadcastOptions>().Bind(configuration.GetSection(BroadcastOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BroadcastOptions>, BroadcastOptionsValidator>());
        services.AddOptions<ClusterOptions>().Bind(configuration.GetSection(ClusterOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClusterOptions>, ClusterOptionsValidator>());
        services.TryAddSingleton<NoCivicEvents>();
        services.TryAddSingleton<ICivicEventCalendar>(sp => sp.GetRequiredService<NoCivicEvents>());
        services.TryAddSingleton<IEventReminderList>(sp => sp.GetRequiredService<NoCivicEvents>());

        services.AddSingleton<BroadcastStore>();
        services.AddSingleton<RunStore>();
        services.AddSingleton<BroadcastDrafting>();
        services.AddSingleton<BroadcastScheduling>();
        services.AddSingleton<BroadcastService>();
        services.AddSingleton<BroadcastReader>();
        services.AddSingleton<TestSender>();
        services.AddSingleton<Audience>();
        services.AddSingleton<SnapshotLeases>();
        services.AddSingleton<BatchSnapshot>();
        services.AddSingleton<BatchLedger>();
        services.AddSingleton<BatchSender>();
        services.AddSingleton<QuotaGuard>();
        services.AddSingleton<FanoutSignal>();
        services.AddSingleton<MulticastRateLimiter>();
        services.AddSingleton<PushRateLimiter>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, PushRateGate>());
        services.AddSingleton<EventReminders>();
        services.AddSingleton<EventBoundBroadcasts>();
        MulticastClient.Register(services);
        services.AddSingleton<FanoutHealth>();
        services.AddSingleton<FanoutWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<FanoutWorker>());
        services.AddHostedService<SnapshotResumer>();
        services.AddHostedService<FiredBroadcastSweep>();

        var postgres = string.Equals(configuration["Storage:Provider"], nameof(StorageProvider.Postgres), StringComparison.OrdinalIgnoreCase);
        if (postgres)
        {
            services.AddSingleton<ClusterRateShare>();
            services.AddSingleton<IRateShare>(sp => sp.GetRequiredService<ClusterRateShare>());
        }
        else
        {
            services.AddSingleton<IRateShare, WholeRateShare>();
        }

        var schedulerName = configuration[$"{BroadcastOptions.Section}:SchedulerName"] is { Length: > 0 } name ? name : "OutreachBot";
        var cluster = configuration.GetSection(ClusterOptions.Section).Get<ClusterOptions>() ?? new ClusterOptions();
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = schedulerName;
                if (postgres)
                {
                    scheduler.InstanceId = cluster.InstanceId;
                }
            });
            quartz.AddJob<BroadcastJob>(job => job.WithIdentity(BroadcastJob.Key).StoreDurably().RequestRecovery());
            quartz.UsePersistentStore(store =>
            {
                if (postgres)
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
        if (postgres)
        {
            // After the scheduler, whose check-ins it reads.
            services.AddHostedService(sp => sp.GetRequiredService<ClusterRateShare>());
        }

        return services;
    }
}
