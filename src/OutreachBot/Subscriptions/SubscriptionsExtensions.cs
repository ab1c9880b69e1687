using OutreachBot.Conversations;
using OutreachBot.Conversations.Menu;

namespace OutreachBot.Subscriptions;

public static class SubscriptionsExtensions
{
    /// <summary>Citizens, topics (seeded on first start), subscriptions and their statistics; the menu's topics and my subscriptions.</summary>
    public static IServiceCollection AddSubscriptions(this IServiceCollection services)
    {
        services.AddSingleton<CitizenStore>();
        services.AddSingleton<TopicStore>();
        services.AddSingleton<TopicEditor>();
        services.AddSingleton<SubscriptionStore>();
        services.AddSingleton<SubscriberStats>();
        services.AddHostedService<TopicSeeder>();
        services.AddMenuEntry(new MenuEntry("topics", TextKeys.MenuTopics, new Command.ShowTopics(1), Order: 10));
        services.AddMenuEntry(new MenuEntry("mine", TextKeys.MenuMine, new Command.ShowSubscriptions(), Order: 20));
        return services;
    }
}
