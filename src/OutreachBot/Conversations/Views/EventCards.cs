using OutreachBot.CivicEvents;
using Applications = OutreachBot.CivicEvents.Applications;
using OutreachBot.Subscriptions;

namespace OutreachBot.Conversations.Views;

/// <summary>Upcoming events as Flex cards: title, date and time in Bot:TimeZone, venue, topic, remind me and a link.</summary>
public static class EventCards
{
    /// <summary>Events per carousel page; a page with more after it adds a "next page" card.</summary>
    public const int PerPage = 10;

    /// <summary>The description on a card; the rest is for the event's page.</summary>
    private const int DescriptionOnCard = 200;

    public static FlexMessage Page(
        BotTexts t, IReadOnlyList<CivicEvent> events, int remaining, int page, IReadOnlySet<long> reminded,
        IReadOnlyDictionary<long, Topic> topics, TimeZoneInfo zone, ApplyState? apply = null)
    {
        var bubbles = events.Select(e => Bubble(t, e, reminded.Contains(e.Id), Topic(e, topics), zone, apply)).ToList();
        if (remaining > 0)
        {
            bubbles.Add(Menus.NextPageBubble(t, remaining, new Command.ShowEvents(page + 1)));
        }

        return new FlexMessage(t[TextKeys.EventsAltText], new FlexCarousel(bubbles));
    }

    public static FlexMessage Card(BotTexts t, CivicEvent e, bool reminded, IReadOnlyDictionary<long, Topic> topics, TimeZoneInfo zone, ApplyState? apply = null) =>
        new(LineLimits.Truncate(e.TitleIn(t.Language), LineLimits.AltTextLength), Bubble(t, e, reminded, Topic(e, topics), zone, apply));

    /// <param name="apply">When given, the card offers 申し込む (or shows the citizen's application).</param>
    public static FlexBubble Bubble(BotTexts t, CivicEvent e, bool reminded, Topic? topic, TimeZoneInfo zone, ApplyState? apply = null)
    {
        var body = new List<FlexComponent>
        {
            new FlexText(e.TitleIn(t.Language)) { Weight = FlexWeight.Bold, Size = FlexSize.Large, Wrap = true },
            new FlexText(When(t, e, zone)) { Size = FlexSize.Small, Wrap = true, Margin = FlexSize.Medium },
            new FlexText(t.Format(TextKeys.EventVenue, e.VenueIn(t.Language))) { Size = FlexSize.Small, Wrap = true, Margin = FlexSize.Small },
        };
        body.AddRange(DetailLines(t, e));
        if (topic is not null)
        {
            body.Add(new FlexText(t.Format(TextKeys.EventTopic, topic.NameIn(t.Language))) { Size = FlexSize.ExtraSmall, Color = CardColors.Muted, Wrap = true, Margin = FlexSize.Small });
        }

        if (reminded)
        {
            body.Add(new FlexText(t[TextKeys.EventReminding]) { Size = FlexSize.Small, Color = CardColors.Accent, Weight = FlexWeight.Bold, Margin = FlexSize.Medium });
        }

        var mine = apply?.Mine.GetValueOrDefault(e.Id);
        if (mine is not null)
        {
            var status = mine.Status == Applications.EventApplication.Waiting
                ? t.Format(TextKeys.EventAppliedWaiting, mine.Position, mine.Number)
                : t.Format(TextKeys.EventApplied, mine.Number);
            body.Add(new FlexText(status) { Size = FlexSize.Small, Color = CardColors.Accent, Weight = FlexWeight.Bold, Wrap = true, Margin = FlexSize.Medium });
        }

        var buttons = new List<FlexComponent>();
        if (apply is not null && mine is null && e.AcceptsApplicationsAt(apply.Now))
        {
            var label = e.SeatsLeft > 0 ? t.Format(TextKeys.EventApply, e.SeatsLeft) : t[TextKeys.EventApplyWaiting];
            buttons.Add(new FlexButton(Menus.Button(label, new Command.Apply(e.Id), LineLimits.FlexButtonLabel)) { Style = FlexButtonStyle.Primary, Color = CardColors.Accent, Height = FlexSize.Small });
        }

        buttons.AddRange(
        [
            reminded
                ? new FlexButton(Menus.Button(t[TextKeys.EventStopReminding], new Command.StopReminding(e.Id), LineLimits.FlexButtonLabel)) { Style = FlexButtonStyle.Secondary, Height = FlexSize.Small }
                : new FlexButton(Menus.Button(t[TextKeys.EventRemind], new Command.Remind(e.Id), LineLimits.FlexButtonLabel)) { Style = buttons.Count == 0 ? FlexButtonStyle.Primary : FlexButtonStyle.Secondary, Color = buttons.Count == 0 ? CardColors.Accent : null, Height = FlexSize.Small },
        ]);
        if (e.Details.Location is not null)
        {
            buttons.Add(new FlexButton(Menus.Button(t[TextKeys.EventMap], new Command.ShowMap(e.Id), LineLimits.FlexButtonLabel)) { Style = FlexButtonStyle.Link, Height = FlexSize.Small });
        }
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

    private static IEnumerable<FlexComponent> DetailLines(BotTexts t, CivicEvent e)
    {
        var lines = new (string Key, string? Value)[]
        {
            (TextKeys.EventOrganizer, e.Details.Organizer), (TextKeys.EventFee, e.Details.Fee), (TextKeys.EventBring, e.Details.Bring),
            (TextKeys.EventAccessibility, e.Details.Accessibility),
        };
        if (e.DescriptionIn(t.Language) is { } description)
        {
            yield return new FlexText(LineLimits.Truncate(description, DescriptionOnCard)) { Size = FlexSize.Small, Wrap = true, Margin = FlexSize.Medium };
        }

        foreach (var (key, value) in lines.Where(l => l.Value is not null))
        {
            yield return new FlexText(t.Format(key, value)) { Size = FlexSize.ExtraSmall, Color = CardColors.Muted, Wrap = true, Margin = FlexSize.Small };
        }
    }

    /// <summary>The day-before reminder of <paramref name="e"/> in the citizen's language, for the broadcasts feature to send.</summary>
    public static TextMessage Reminder(BotTexts t, CivicEvent e, TimeZoneInfo zone) =>
        Menus.Text(t.Format(TextKeys.ReminderMessage, e.TitleIn(t.Language), When(t, e, zone), e.Venue));

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

    /// <summary>What the card needs to offer applications: the time, and the citizen's open applications by event.</summary>
    public sealed record ApplyState(DateTimeOffset Now, IReadOnlyDictionary<long, Applications.EventApplication> Mine);

    private static Topic? Topic(CivicEvent e, IReadOnlyDictionary<long, Topic> topics) =>
        e.TopicId is { } id ? topics.GetValueOrDefault(id) : null;
}
