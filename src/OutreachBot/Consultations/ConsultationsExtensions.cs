using OutreachBot.Conversations;
using OutreachBot.Conversations.Menu;

namespace OutreachBot.Consultations;

public static class ConsultationsExtensions
{
    /// <summary>Citizens' questions to staff and the FAQ that answers some of them at once; the menu's "ask staff".</summary>
    public static IServiceCollection AddConsultations(this IServiceCollection services)
    {
        services.AddSingleton<ConsultationStore>();
        services.AddSingleton<FaqStore>();
        services.AddSingleton<FaqEditor>();
        services.AddSingleton<ConsultationInbox>();
        services.AddSingleton<ConsultationTriage>();
        services.AddMenuEntry(new MenuEntry("ask", TextKeys.MenuAsk, new Command.Ask(), Order: 40));
        services.AddTransient<ConsultationReplies>(); // the LINE client it uses is a transient typed client
        return services;
    }
}
