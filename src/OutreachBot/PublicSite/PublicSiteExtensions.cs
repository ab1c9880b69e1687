using OutreachBot.PublicSite.Events;
using OutreachBot.PublicSite.News;

namespace OutreachBot.PublicSite;

public static class PublicSiteExtensions
{
    /// <summary>Residents' news and events pages and their feeds (the pages themselves are Razor Pages under Pages/Public).</summary>
    public static IServiceCollection AddPublicSite(this IServiceCollection services)
    {
        services.AddSingleton<NewsStore>();
        services.AddSingleton<PublicEvents>();
        return services;
    }

    /// <summary>Conditional requests (ETag, Last-Modified, 304) on every public page and feed; after routing, before the endpoints.</summary>
    public static WebApplication UsePublicSite(this WebApplication app)
    {
        app.UseMiddleware<ConditionalGet>();
        return app;
    }

    public static WebApplication MapPublicSite(this WebApplication app)
    {
        app.MapPublicFeeds();
        return app;
    }
}
