using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OutreachBot.Broadcasts.Authoring;
using OutreachBot.Broadcasts.Fanout;
using OutreachBot.Broadcasts.MailDelivery;
using OutreachBot.Broadcasts.Scheduling;
using OutreachBot.Broadcasts.Targeting;
using OutreachBot.Hosting;
using Quartz;

namespace OutreachBot.Broadcasts;

public static class BroadcastsExtensions
{
    /// <summary>
    /// Broadcasts: options, authoring, targeting, the broadcast job on the scheduler (<c>AddScheduler()</c>), the fan-out
    /// worker and its LINE client (sending under <c>AddLineSending()</c>'s ceilings), and stand-ins for the events calendar
    /// until it registers its own.
    /// </summary>
    public static IServiceCollection AddBroadcasts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<BroadcastOptions>(configuration, BroadcastOptions.Section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BroadcastOptions>, BroadcastOptionsValidator>());
        services.TryAddSingleton<NoCivicEvents>();
        services.TryAddSingleton<ICivicEventCalendar>(sp => sp.GetRequiredService<NoCivicEvents>());
        services.TryAddSingleton<IEventReminderList>(sp => sp.GetRequiredService<NoCivicEvents>());

        services.AddSingleton<BroadcastStore>();
        services.AddSingleton<RunStore>();
        services.AddSingleton<BroadcastDrafting>();
        services.AddSingleton<BroadcastScheduling>();
        services.AddSingleton<BroadcastService>();
        services.AddSingleton<StaffBroadcasts>();
        services.AddSingleton<BroadcastReader>();
        services.AddSingleton<TestSender>();
        services.AddSingleton<Audience>();
        services.AddSingleton<SnapshotLeases>();
        services.AddSingleton<BatchSnapshot>();
        services.AddSingleton<BatchLedger>();
        services.AddSingleton<BatchSender>();
        services.AddSingleton<QuotaGuard>();
        services.AddSingleton<FanoutSignal>();
        services.AddSingleton<EventReminders>();
        services.AddSingleton<EventBoundBroadcasts>();
        MulticastClient.Register(services);
        services.AddSingleton<FanoutHealth>();
        services.AddHostedSingleton<FanoutWorker>();
        services.AddHostedService<SnapshotResumer>();
        services.AddHostedService<FiredBroadcastSweep>();
        services.AddMailDelivery(configuration);

        services.AddQuartz(quartz => quartz.AddJob<BroadcastJob>(job => job.WithIdentity(BroadcastJob.Key).StoreDurably().RequestRecovery()));

        return services;
    }
}
