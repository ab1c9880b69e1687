namespace OutreachBot.Subscriptions;

public static class SubscriptionsExtensions
{
    /// <summary>Citizens, topics (seeded on first start), subscriptions and their statistics.</summary>
    public static IServiceCollection AddSubscriptions(this IServiceCollection services)
    {
        services.AddSingleton<CitizenStore>();
        services.AddSingleton<TopicStore>();
        services.AddSingleton<SubscriptionStore>();
        services.AddSingleton<SubscriberStats>();
        services.AddHostedService<TopicSeeder>();
        return services;
    }
}
