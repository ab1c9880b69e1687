namespace OutreachBot.CivicEvents;

public static class CivicEventsExtensions
{
    /// <summary>The events calendar and citizens' reminder requests.</summary>
    public static IServiceCollection AddCivicEvents(this IServiceCollection services)
    {
        services.AddSingleton<CivicEventStore>();
        services.AddSingleton<EventReminderStore>();
        return services;
    }
}
