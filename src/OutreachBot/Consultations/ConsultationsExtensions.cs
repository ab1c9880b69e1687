namespace OutreachBot.Consultations;

public static class ConsultationsExtensions
{
    /// <summary>Citizens' questions to staff and the FAQ that answers some of them at once.</summary>
    public static IServiceCollection AddConsultations(this IServiceCollection services)
    {
        services.AddSingleton<ConsultationStore>();
        services.AddSingleton<FaqStore>();
        services.AddSingleton<ConsultationInbox>();
        services.AddTransient<ConsultationReplies>(); // the LINE client it uses is a transient typed client
        return services;
    }
}
