using System.Text;
using Microsoft.Extensions.Options;
using OutreachBot.PublicSite.Events;
using OutreachBot.PublicSite.News;
using OutreachBot.Subscriptions;

namespace OutreachBot.PublicSite;

/// <summary>The feeds a city's site or a resident's reader and calendar subscribe to; <c>?lang=</c> chooses the language.</summary>
public static class PublicFeeds
{
    /// <summary>How many of the latest news a feed carries.</summary>
    public const int FeedEntries = 50;

    public static IEndpointRouteBuilder MapPublicFeeds(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").AllowAnonymous().ExcludeFromDescription();
        group.MapGet("/feeds/news.atom", NewsAsync);
        group.MapGet("/feeds/topics/{slug}.atom", TopicAsync);
        group.MapGet("/feeds/events.ics", EventsAsync);
        group.MapGet("/events/{id:long}.ics", EventAsync);
        return app;
    }

    private static async Task<IResult> NewsAsync(HttpContext context, NewsStore news, PublicBaseUrl site, TextCatalog catalog, IOptions<BotOptions> bot, CancellationToken cancellationToken)
    {
        var texts = catalog.For(PublicPage.ReaderLanguage(context.Request));
        var (items, _) = await news.PageAsync(null, 0, FeedEntries, cancellationToken);
        return Atom(context, items, NewsFeed.Write(items, "feeds/news.atom", $"{texts[NewsTextKeys.NewsTitle]} — {texts[PublicTextKeys.SiteName]}", site, texts, bot.Value.Zone));
    }

    private static async Task<IResult> TopicAsync(
        string slug, HttpContext context, TopicStore topics, NewsStore news, PublicBaseUrl site, TextCatalog catalog, IOptions<BotOptions> bot, CancellationToken cancellationToken)
    {
        if (await topics.FindAsync(slug, cancellationToken) is not { } topic)
        {
            return Results.NotFound();
        }

        var texts = catalog.For(PublicPage.ReaderLanguage(context.Request));
        var (items, _) = await news.PageAsync(topic.Slug, 0, FeedEntries, cancellationToken);
        var title = $"{TopicName(topic, texts.Language)} — {texts[PublicTextKeys.SiteName]}";
        return Atom(context, items, NewsFeed.Write(items, $"feeds/topics/{Uri.EscapeDataString(topic.Slug)}.atom", title, site, texts, bot.Value.Zone));
    }

    private static async Task<IResult> EventsAsync(
        HttpContext context, PublicEvents events, PublicBaseUrl site, TextCatalog catalog, IOptions<BotOptions> bot, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (upcoming, past) = await events.ListAsync(now, cancellationToken);
        List<PublicEvent> all = [.. upcoming, .. past];
        ConditionalGet.LastModified(context.Response, EventPages.LastChange(all, now));
        return Calendar(EventCalendar.Write(all, site, catalog.For(PublicPage.ReaderLanguage(context.Request)), bot.Value.Zone));
    }

    private static async Task<IResult> EventAsync(
        long id, HttpContext context, PublicEvents events, PublicBaseUrl site, TextCatalog catalog, IOptions<BotOptions> bot, CancellationToken cancellationToken)
    {
        if (await events.FindAsync(id, cancellationToken) is not { } found)
        {
            return Results.NotFound();
        }

        ConditionalGet.LastModified(context.Response, found.UpdatedAt);
        return Calendar(EventCalendar.Write([found], site, catalog.For(PublicPage.ReaderLanguage(context.Request)), bot.Value.Zone));
    }

    public static string TopicName(Topic topic, string language)
    {
        ArgumentNullException.ThrowIfNull(topic);
        return topic.Names.GetValueOrDefault(language) ?? topic.Names.GetValueOrDefault(Languages.Japanese) ?? topic.Slug;
    }

    private static IResult Atom(HttpContext context, IReadOnlyList<NewsItem> items, byte[] feed)
    {
        ConditionalGet.LastModified(context.Response, items.Count == 0 ? null : items.Max(i => i.PublishedAt));
        return Results.Bytes(feed, NewsFeed.ContentType);
    }

    private static IResult Calendar(string calendar) => Results.Bytes(Encoding.UTF8.GetBytes(calendar), EventCalendar.ContentType);
}
