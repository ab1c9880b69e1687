using Microsoft.Extensions.Options;
using OutreachBot.Analytics.Clicks;
using OutreachBot.Analytics.Follows;
using OutreachBot.Analytics.Insight;
using OutreachBot.Hosting;
using OutreachBot.LocalMode;
using OutreachBot.PublicSite;

namespace OutreachBot.Analytics;

public static class AnalyticsExtensions
{
    /// <summary>The broadcasts' figures: LINE's per aggregation unit, read daily, the clicks on their links, their block rates.</summary>
    public static IServiceCollection AddAnalytics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<AnalyticsOptions>(configuration, AnalyticsOptions.Section);
        services.AddSingleton<InsightStore>();
        services.AddHostedSingleton<InsightReader>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ClickLinks>(
            sp, sp.GetRequiredService<IOptions<SiteOptions>>().Value.PublicBaseUrl is not null || sp.GetService<LocalEmulatorSettings>() is not null));
        services.AddSingleton<ClickCounts>();
        services.AddSingleton<BlockRates>();
        services.AddSingleton<BroadcastFigures>();
        return services;
    }
}
