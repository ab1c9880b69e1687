using OutreachBot.Analytics.Clicks;
using OutreachBot.Analytics.Insight;
using OutreachBot.Hosting;

namespace OutreachBot.Analytics;

public static class AnalyticsExtensions
{
    /// <summary>The broadcasts' figures: LINE's per aggregation unit, read daily, and the clicks on their links.</summary>
    public static IServiceCollection AddAnalytics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<AnalyticsOptions>(configuration, AnalyticsOptions.Section);
        services.AddSingleton<InsightStore>();
        services.AddHostedSingleton<InsightReader>();
        services.AddSingleton<ClickLinks>();
        services.AddSingleton<ClickRecorder>();
        return services;
    }
}
