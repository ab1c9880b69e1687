using OutreachBot.Subscriptions;

namespace OutreachBot.Conversations.Views;

/// <summary>"My subscriptions": each followed topic with an unsubscribe button, and 配信停止 for all of them.</summary>
public static class SubscriptionList
{
    /// <summary>Rows per card; more topics continue on the next card of a carousel.</summary>
    public const int RowsPerCard = 8;

    public static FlexMessage Of(BotTexts t, IReadOnlyList<Topic> topics)
    {
        var cards = topics.Chunk(RowsPerCard).Take(LineLimits.CarouselBubbles).Select(rows => Card(t, topics.Count, rows)).ToList();
        FlexContainer contents = cards.Count == 1 ? cards[0] : new FlexCarousel(cards);
        return new FlexMessage(t[TextKeys.MineAltText], contents);
    }

    private static FlexBubble Card(BotTexts t, int total, IEnumerable<Topic> rows) => new()
    {
        Size = FlexBubbleSize.Mega,
        Header = FlexBox.Vertical(new FlexText(t.Format(TextKeys.MineTitle, total)) { Weight = FlexWeight.Bold, Size = FlexSize.Medium, Wrap = true }),
        Body = FlexBox.Vertical([.. rows.Select(topic => Row(t, topic))]) with { Spacing = FlexSize.Medium },
        Footer = FlexBox.Vertical(
            new FlexButton(Menus.Button(t[TextKeys.MineStopAll], new Command.StopAll(), LineLimits.FlexButtonLabel))
            {
                Style = FlexButtonStyle.Secondary,
                Height = FlexSize.Small,
            }),
    };

    private static FlexBox Row(BotTexts t, Topic topic) => FlexBox.Horizontal(
        new FlexText(topic.NameIn(t.Language)) { Wrap = true, Size = FlexSize.Small, Flex = 3, Gravity = "center" },
        new FlexButton(Menus.Button(t[TextKeys.MineUnsubscribe], new Command.Unsubscribe(topic.Id), LineLimits.FlexButtonLabel))
        {
            Style = FlexButtonStyle.Link,
            Height = FlexSize.Small,
            Flex = 2,
        }) with { AlignItems = "center" };
}
