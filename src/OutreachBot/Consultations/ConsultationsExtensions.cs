namespace OutreachBot.Consultations;

public static class ConsultationsExtensions
{
    /// <summary>Citizens' questions to staff and the FAQ that answers some of them at once.</summary>
    public static IServiceCollection AddConsultations(this IServiceCollection services)
    {
        services.AddSingleton<ConsultationStore>();
        services.AddSingleton<FaqStore>();
        return services;
    }
}
