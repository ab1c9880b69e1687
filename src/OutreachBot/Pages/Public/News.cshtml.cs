using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OutreachBot.PublicSite;
using OutreachBot.PublicSite.News;
using OutreachBot.Subscriptions;

namespace OutreachBot.PublicSite.Pages;

/// <summary>The broadcasts published on the web, newest first, ten to a page, optionally of one topic.</summary>
public sealed class NewsModel(TextCatalog catalog, NewsStore news, TopicStore topicStore, IOptions<BotOptions> bot) : PublicPage(catalog)
{
    public const int PageSize = 10;

    [FromQuery(Name = "topic")]
    public string? Topic { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<NewsItem> Items { get; private set; } = [];

    public IReadOnlyList<Topic> Topics { get; private set; } = [];

    public Topic? Chosen { get; private set; }

    public int Total { get; private set; }

    public TimeZoneInfo Zone => bot.Value.Zone;

    public string Heading => Chosen is null ? Texts[NewsTextKeys.NewsTitle] : $"{Texts[NewsTextKeys.NewsTitle]}: {PublicFeeds.TopicName(Chosen, Language)}";

    public string FeedLink => Link(Chosen is null ? "/feeds/news.atom" : $"/feeds/topics/{Uri.EscapeDataString(Chosen.Slug)}.atom");

    public bool HasNewer => PageNumber > 1;

    public bool HasOlder => PageNumber * PageSize < Total;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Topics = await topicStore.ListAsync(includeArchived: false, cancellationToken);
        if (Topic is not null && (Chosen = await topicStore.FindAsync(Topic, cancellationToken)) is null || PageNumber < 1)
        {
            return NotFoundPage();
        }

        (Items, Total) = await news.PageAsync(Chosen?.Slug, (PageNumber - 1) * PageSize, PageSize, cancellationToken);
        if (PageNumber > 1 && Items.Count == 0)
        {
            return NotFoundPage();
        }

        ConditionalGet.LastModified(Response, Items.Count == 0 ? null : Items.Max(i => i.PublishedAt));
        return Page();
    }

    /// <summary>This list at another page, its topic and language kept.</summary>
    public string PageLink(int page) =>
        Link(Chosen is null
            ? (page == 1 ? "/news" : $"/news?page={page}")
            : $"/news?topic={Uri.EscapeDataString(Chosen.Slug)}{(page == 1 ? "" : $"&page={page}")}");

    public string TopicLink(Topic? topic) => Link(topic is null ? "/news" : $"/news?topic={Uri.EscapeDataString(topic.Slug)}");

    public string Date(NewsItem item) =>
        TimeZoneInfo.ConvertTime(item.PublishedAt, Zone).ToString(Texts[NewsTextKeys.NewsDateFormat], Texts.Culture);
}
