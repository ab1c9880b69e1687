using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;

namespace OutreachBot.PublicSite.News;

/// <summary>
/// The news as an Atom 1.0 feed (System.ServiceModel.Syndication writes it): each entry's id is its page's address
/// without a language, so it stays the same in every language and forever; updated is when it was published.
/// </summary>
public static class NewsFeed
{
    public const string ContentType = "application/atom+xml; charset=utf-8";

    /// <param name="self">The feed's own address, relative to the site.</param>
    /// <param name="title">The feed's title in the reader's language.</param>
    public static byte[] Write(IReadOnlyList<NewsItem> items, string self, string title, PublicBaseUrl site, BotTexts texts, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(texts);
        var language = texts.Language;
        var updated = items.Count == 0 ? DateTimeOffset.UnixEpoch : items.Max(i => i.PublishedAt);
        var feed = new SyndicationFeed(title, texts[PublicTextKeys.Footer], site.Link(PublicLinks.WithLanguage("news", language)), site.Link(self).AbsoluteUri, updated)
        {
            Language = language,
            Items = [.. items.Select(item => Entry(item, site, language, zone))],
        };
        feed.Links.Add(SyndicationLink.CreateSelfLink(site.Link(PublicLinks.WithLanguage(self, language)), "application/atom+xml"));

        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            feed.GetAtom10Formatter().WriteTo(writer);
        }

        return buffer.ToArray();
    }

    private static SyndicationItem Entry(NewsItem item, PublicBaseUrl site, string language, TimeZoneInfo zone)
    {
        var entry = new SyndicationItem
        {
            Id = site.Link($"news/{item.Id}").AbsoluteUri,
            Title = new TextSyndicationContent(item.Headline(language)),
            Summary = new TextSyndicationContent(NewsSummary.Of(item.Blocks(language, zone), NewsSummary.FeedLength)),
            LastUpdatedTime = item.PublishedAt,
            PublishDate = item.PublishedAt,
        };
        entry.Links.Add(SyndicationLink.CreateAlternateLink(site.Link(PublicLinks.News(item.Id, language)), "text/html"));
        return entry;
    }
}
