namespace OutreachBot.Conversations.Views;

/// <summary>The colours of the bot's Flex cards, the same on every card.</summary>
public static class CardColors
{
    /// <summary>Secondary text: counts, dates, the topic.</summary>
    public const string Muted = "#8C8C8C";

    /// <summary>The buttons a citizen taps.</summary>
    public const string Accent = "#06A77D";
}
