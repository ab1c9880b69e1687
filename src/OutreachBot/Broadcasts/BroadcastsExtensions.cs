using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using OutreachBot.Storage;
using Quartz;

namespace OutreachBot.Broadcasts;

public static class BroadcastsExtensions
{
    /// <summary>
    /// Broadcasts: options, the Quartz scheduler on the persistent job store in the bot's own database (clustered on
    /// PostgreSQL), the fan-out worker and its LINE client, and stand-ins for the events calendar until it registers its own.
    /// </summary>
    public static IServiceCollection AddBroadcasts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BroadcastOptions>().Bind(configuration.GetSection(BroadcastOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BroadcastOptions>, BroadcastOptionsValidator>());
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
        services.AddSingleton<BatchSnapshot>();
        services.AddSingleton<BatchLedger>();
        services.AddSingleton<BatchSender>();
        services.AddSingleton<QuotaGuard>();
        services.AddSingleton<FanoutSignal>();
        services.AddSingleton<MulticastRateLimiter>();
        services.AddSingleton<EventReminders>();
        MulticastClient.Register(services);
        services.AddSingleton<FanoutWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<FanoutWorker>());

        var postgres = string.Equals(configuration["Storage:Provider"], nameof(StorageProvider.Postgres), StringComparison.OrdinalIgnoreCase);
        var schedulerName = configuration[$"{BroadcastOptions.Section}:SchedulerName"] is { Length: > 0 } name ? name : "OutreachBot";
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = schedulerName);
            quartz.AddJob<BroadcastJob>(job => job.WithIdentity(BroadcastJob.Key).StoreDurably().RequestRecovery());
            quartz.UsePersistentStore(store =>
            {
                if (postgres)
                {
                    store.UsePostgres(source => source.DataSourceFactory = sp =>
                        NpgsqlDataSource.Create(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString!));
                    store.UseClustering();
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
