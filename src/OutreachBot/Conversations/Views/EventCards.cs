using OutreachBot.CivicEvents;
using OutreachBot.Line.Messaging;
using OutreachBot.Resources;
using OutreachBot.Subscriptions;

namespace OutreachBot.Conversations.Views;

/// <summary>Upcoming events as Flex cards: title, date and time in Bot:TimeZone, venue, topic, remind me and a link.</summary>
public static class EventCards
{
    /// <summary>Events per carousel page; a page with more after it adds a "next page" card.</summary>
    public const int PerPage = 10;

    private const string Muted = "#8C8C8C";
    private const string Accent = "#06A77D";

    public static FlexMessage Page(
        BotTexts t, IReadOnlyList<CivicEvent> events, int remaining, int page, IReadOnlySet<long> reminded,
        IReadOnlyDictionary<long, Topic> topics, TimeZoneInfo zone)
    {
        var bubbles = events.Select(e => Bubble(t, e, reminded.Contains(e.Id), Topic(e, topics), zone)).ToList();
        if (remaining > 0)
        {
            bubbles.Add(Menus.NextPageBubble(t, remaining, new Command.ShowEvents(page + 1)));
        }

        return new FlexMessage(t[TextKeys.EventsAltText], new FlexCarousel(bubbles));
    }

    public static FlexMessage Card(BotTexts t, CivicEvent e, bool reminded, IReadOnlyDictionary<long, Topic> topics, TimeZoneInfo zone) =>
        new(LineLimits.Truncate(e.TitleIn(t.Language), LineLimits.AltTextLength), Bubble(t, e, reminded, Topic(e, topics), zone));

    public static FlexBubble Bubble(BotTexts t, CivicEvent e, bool reminded, Topic? topic, TimeZoneInfo zone)
    {
        var body = new List<FlexComponent>
        {
            new FlexText(e.TitleIn(t.Language)) { Weight = FlexWeight.Bold, Size = FlexSize.Large, Wrap = true },
            new FlexText(When(t, e, zone)) { Size = FlexSize.Small, Wrap = true, Margin = FlexSize.Medium },
            new FlexText(t.Format(TextKeys.EventVenue, e.Venue)) { Size = FlexSize.Small, Wrap = true, Margin = FlexSize.Small },
        };
        if (topic is not null)
        {
            body.Add(new FlexText(t.Format(TextKeys.EventTopic, topic.NameIn(t.Language))) { Size = FlexSize.ExtraSmall, Color = Muted, Wrap = true, Margin = FlexSize.Small });
        }

        if (reminded)
        {
            body.Add(new FlexText(t[TextKeys.EventReminding]) { Size = FlexSize.Small, Color = Accent, Weight = FlexWeight.Bold, Margin = FlexSize.Medium });
        }

        var buttons = new List<FlexComponent>
        {
            reminded
                ? new FlexButton(Menus.Button(t[TextKeys.EventStopReminding], new Command.StopReminding(e.Id), LineLimits.FlexButtonLabel)) { Style = FlexButtonStyle.Secondary, Height = FlexSize.Small }
                : new FlexButton(Menus.Button(t[TextKeys.EventRemind], new Command.Remind(e.Id), LineLimits.FlexButtonLabel)) { Style = FlexButtonStyle.Primary, Color = Accent, Height = FlexSize.Small },
        };
        if (e.Url is { } url)
        {
            buttons.Add(new FlexButton(new UriAction(LineLimits.Truncate(t[TextKeys.EventDetails], LineLimits.FlexButtonLabel), url)) { Style = FlexButtonStyle.Link, Height = FlexSize.Small });
        }

        return new FlexBubble
        {
            Size = FlexBubbleSize.Kilo,
            Hero = e.ImageUrl is { } image ? new FlexImage(image) { Size = FlexSize.Full, AspectRatio = "20:13", AspectMode = "cover" } : null,
            Body = FlexBox.Vertical(body),
            Footer = FlexBox.Vertical(buttons) with { Spacing = FlexSize.Small },
        };
    }

    /// <summary>「2026年12月5日(土) 10:00〜12:00」, "Sat, Dec 5, 2026 10:00 AM – 12:00 PM (Japan time)": the formats are texts.</summary>
    public static string When(BotTexts t, CivicEvent e, TimeZoneInfo zone)
    {
        var start = TimeZoneInfo.ConvertTime(e.StartsAt, zone);
        var text = start.ToString(t[TextKeys.EventDateFormat], t.Culture);
        if (e.EndsAt is { } endsAt)
        {
            var end = TimeZoneInfo.ConvertTime(endsAt, zone);
            var endText = end.Date == start.Date
                ? end.ToString(t[TextKeys.EventTimeFormat], t.Culture)
                : end.ToString(t[TextKeys.EventDateFormat], t.Culture);
            text = t.Format(TextKeys.EventRange, text, endText);
        }

        return t.Format(TextKeys.EventWhen, text);
    }

    private static Topic? Topic(CivicEvent e, IReadOnlyDictionary<long, Topic> topics) =>
        e.TopicId is { } id ? topics.GetValueOrDefault(id) : null;
}
