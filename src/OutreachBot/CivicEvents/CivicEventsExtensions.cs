using OutreachBot.Conversations;
using OutreachBot.Conversations.Menu;
using OutreachBot.Hosting;
using OutreachBot.Resources;

namespace OutreachBot.CivicEvents;

public static class CivicEventsExtensions
{
    /// <summary>The events calendar and citizens' reminder requests, also as the broadcasts feature reads them; the menu's events.</summary>
    public static IServiceCollection AddCivicEvents(this IServiceCollection services)
    {
        services.AddSingleton<CivicEventStore>();
        services.AddSingleton<EventReminderStore>();
        services.AddSingleton<CivicEventEditor>();
        services.AddSingleton<EventBroadcasts>();
        services.AddSingleton<Applications.ApplicationStore>();
        services.AddSingleton<Applications.RosterService>();
        services.AddSingleton<Applications.ApplicationDraftStore>();
        services.AddSingleton<Applications.NoticeLedger>();
        services.AddSingleton<Applications.ThanksNotices>();
        services.AddSingleton<Applications.RatingStore>();
        services.AddSingleton<Applications.ParticipationStats>();
        services.AddSingleton<Applications.Web.WebApplications>();
        services.AddSingleton<Applications.Web.WebApplicationMails>();
        services.AddSingleton<Applications.NoticeMessages>();
        services.AddHostedSingleton<Applications.NoticeSender>();
        services.AddHostedSingleton<Applications.ApplicantDataEraser>();
        services.AddOptions<EventsOptions>()
            .BindConfiguration(EventsOptions.Section)
            .Validate(o => o.ApplicantDataRetention > TimeSpan.Zero, "Events:ApplicantDataRetention must be positive.")
            .Validate(o => o.NoticePollInterval > TimeSpan.Zero, "Events:NoticePollInterval must be positive.")
            .ValidateOnStart();
        services.AddMenuEntry(new MenuEntry("events", TextKeys.MenuEvents, new Command.ShowEvents(1), Order: 30));
        services.AddMenuEntry(new MenuEntry("applications", TextKeys.MenuApplications, new Command.ShowApplications(), Order: 35));
        // The broadcasts feature only TryAdds its stand-ins (no events, no reminders), so these win whatever the order.
        services.AddSingleton<CalendarForBroadcasts>();
        services.AddSingleton<Broadcasts.ICivicEventCalendar>(sp => sp.GetRequiredService<CalendarForBroadcasts>());
        services.AddSingleton<Broadcasts.IEventReminderList>(sp => sp.GetRequiredService<CalendarForBroadcasts>());
        return services;
    }
}
