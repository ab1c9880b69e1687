namespace OutreachBot.PublicSite;

/// <summary>The keys of NewsTexts.resx: the public news and events pages and their feeds, in every language.</summary>
public static class NewsTextKeys
{
    public const string NewsTitle = "WebNews.Title";

    public const string NewsEmpty = "WebNews.Empty";

    public const string NewsNewer = "WebNews.Newer";

    public const string NewsOlder = "WebNews.Older";

    public const string NewsAllTopics = "WebNews.AllTopics";

    public const string NewsTopics = "WebNews.Topics";

    public const string NewsDateFormat = "WebNews.DateFormat";

    public const string NewsFeed = "WebNews.Feed";

    public const string NewsEventDetails = "WebNews.EventDetails";

    public const string NewsNotFound = "WebNews.NotFound";

    public const string NewsNotFoundHelp = "WebNews.NotFoundHelp";

    public const string NewsBack = "WebNews.Back";

    public const string EventsTitle = "WebEvents.Title";

    public const string EventsUpcoming = "WebEvents.Upcoming";

    public const string EventsPast = "WebEvents.Past";

    public const string EventsEnded = "WebEvents.Ended";

    public const string EventsCancelled = "WebEvents.Cancelled";

    public const string EventsNone = "WebEvents.None";

    public const string EventsWhen = "WebEvents.When";

    public const string EventsVenue = "WebEvents.Venue";

    public const string EventsMap = "WebEvents.Map";

    public const string EventsLink = "WebEvents.Link";

    public const string EventsAddToCalendar = "WebEvents.AddToCalendar";

    public const string EventsSubscribe = "WebEvents.Subscribe";

    public const string EventsCalendarName = "WebEvents.CalendarName";

    public const string EventsBack = "WebEvents.Back";
}
