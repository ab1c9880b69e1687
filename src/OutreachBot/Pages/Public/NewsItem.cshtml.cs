using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OutreachBot.Broadcasts.Authoring;
using OutreachBot.PublicSite;
using OutreachBot.PublicSite.News;

namespace OutreachBot.PublicSite.Pages;

/// <summary>One published broadcast, in the reader's language or else in Japanese.</summary>
public sealed class NewsItemModel(TextCatalog catalog, NewsStore news, Analytics.Clicks.ClickLinks links, IOptions<BotOptions> bot) : PublicPage(catalog)
{
    public NewsItem? Item { get; private set; }

    public TimeZoneInfo Zone => bot.Value.Zone;

    public string ContentLanguage => Item!.ContentLanguage(Language);

    public string Headline => Item!.Headline(Language);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        Item = await news.FindAsync(id, cancellationToken);
        if (Item is null)
        {
            return NotFoundPage();
        }

        Item = Item with { MessagesJson = await links.RewriteAsync(Item.Id, "web", Item.MessagesJson, cancellationToken) };
        ConditionalGet.LastModified(Response, Item.PublishedAt);
        return Page();
    }

    public string Date => TimeZoneInfo.ConvertTime(Item!.PublishedAt, Zone).ToString(Texts[NewsTextKeys.NewsDateFormat], Texts.Culture);

    /// <summary>「2026年11月20日(金) 10:00」: an event card's start in <c>Bot:TimeZone</c>, in the reader's language.</summary>
    public string CardWhen(EventCardFields card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return Texts.Format(TextKeys.EventWhen, TimeZoneInfo.ConvertTime(card.StartsAt, Zone).ToString(Texts[TextKeys.EventDateFormat], Texts.Culture));
    }
}
