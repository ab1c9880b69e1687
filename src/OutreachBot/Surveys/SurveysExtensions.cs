using OutreachBot.Hosting;

namespace OutreachBot.Surveys;

public static class SurveysExtensions
{
    /// <summary>Surveys (アンケート): staff build them, citizens answer them in the chat, staff read the results.</summary>
    public static IServiceCollection AddSurveys(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<SurveysOptions>(configuration, SurveysOptions.Section);
        services.AddSingleton<SurveyStore>();
        services.AddSingleton<SurveyEditor>();
        services.AddSingleton<SurveyResponseStore>();
        services.AddSingleton<SurveySending>();
        services.AddSingleton<SurveyResults>();
        services.AddScoped<SurveyFlow>();
        return services;
    }
}
