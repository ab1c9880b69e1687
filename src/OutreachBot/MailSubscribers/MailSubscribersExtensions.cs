using OutreachBot.Hosting;

namespace OutreachBot.MailSubscribers;

public static class MailSubscribersExtensions
{
    /// <summary>Residents who subscribe by e-mail: the store, the form's work and its flood limits, and the sweep of unconfirmed addresses.</summary>
    public static IServiceCollection AddMailSubscribers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<MailSubscriberOptions>(configuration, MailSubscriberOptions.Section)
            .Validate(o => o.SubscribesPerIpPerHour > 0, "MailSubscribers:SubscribesPerIpPerHour must be 1 or more.")
            .Validate(o => o.UnconfirmedRetention >= TimeSpan.FromHours(48), "MailSubscribers:UnconfirmedRetention must be at least 48 hours (2.00:00:00), the confirmation link's life.");
        services.AddSingleton<MailSubscriberStore>();
        services.AddSingleton<SubscribeThrottle>();
        services.AddSingleton<SubscriberMails>();
        services.AddSingleton<SubscribeRequests>();
        services.AddSingleton<MailSubscriberList>();
        services.AddSingleton<MailSubscriberAdmin>();
        services.AddHostedSingleton<UnconfirmedSweep>();
        return services;
    }
}
