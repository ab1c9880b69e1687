using OutreachBot.Subscriptions;

namespace OutreachBot.Conversations.Views;

/// <summary>Topics as Flex cards: name, description, followers, and one button labelled by the citizen's state.</summary>
public static class TopicCards
{
    /// <summary>Topics per carousel page; a page with more after it adds a "next page" card (11 of LINE's 12).</summary>
    public const int PerPage = 10;

    /// <summary>One page of <paramref name="topics"/> (all pages' topics, in order), <paramref name="page"/> 1-based.</summary>
    public static FlexMessage Page(BotTexts t, IReadOnlyList<Topic> topics, IReadOnlySet<long> following, int page)
    {
        var onPage = topics.Skip((page - 1) * PerPage).Take(PerPage).ToList();
        var bubbles = onPage.Select(topic => Bubble(t, topic, following.Contains(topic.Id))).ToList();
        var remaining = topics.Count - ((page - 1) * PerPage) - onPage.Count;
        if (remaining > 0)
        {
            bubbles.Add(Menus.NextPageBubble(t, remaining, new Command.ShowTopics(page + 1)));
        }

        return new FlexMessage(t[TextKeys.TopicsAltText], new FlexCarousel(bubbles));
    }

    /// <summary>The number of pages <paramref name="count"/> topics take (at least 1).</summary>
    public static int PageCount(int count) => Math.Max(1, (count + PerPage - 1) / PerPage);

    /// <summary>One topic's card on its own, as sent after a tap changed it.</summary>
    public static FlexMessage Card(BotTexts t, Topic topic, bool following) =>
        new(LineLimits.Truncate(topic.NameIn(t.Language), LineLimits.AltTextLength), Bubble(t, topic, following));

    public static FlexBubble Bubble(BotTexts t, Topic topic, bool following)
    {
        var body = new List<FlexComponent>
        {
            new FlexText(topic.NameIn(t.Language)) { Weight = FlexWeight.Bold, Size = FlexSize.Large, Wrap = true },
        };
        var description = topic.DescriptionIn(t.Language);
        if (description.Length > 0)
        {
            body.Add(new FlexText(description) { Size = FlexSize.Small, Wrap = true, Margin = FlexSize.Medium });
        }

        body.Add(new FlexText(t.Format(TextKeys.TopicFollowers, topic.SubscriberCount)) { Size = FlexSize.ExtraSmall, Color = CardColors.Muted, Margin = FlexSize.Large });
        if (following)
        {
            body.Add(new FlexText(t[TextKeys.TopicYouFollow]) { Size = FlexSize.Small, Color = CardColors.Accent, Weight = FlexWeight.Bold, Margin = FlexSize.Small });
        }

        var button = following
            ? new FlexButton(Menus.Button(t[TextKeys.TopicUnsubscribe], new Command.Unsubscribe(topic.Id), LineLimits.FlexButtonLabel)) { Style = FlexButtonStyle.Secondary }
            : new FlexButton(Menus.Button(t[TextKeys.TopicSubscribe], new Command.Subscribe(topic.Id), LineLimits.FlexButtonLabel)) { Style = FlexButtonStyle.Primary, Color = CardColors.Accent };
        return new FlexBubble
        {
            Size = FlexBubbleSize.Kilo,
            Body = FlexBox.Vertical(body),
            Footer = FlexBox.Vertical(button),
        };
    }
}
