using OutreachBot.Conversations.Views;

namespace OutreachBot.Conversations.Menu;

/// <summary>The menu as one Flex card, a button per entry: for more entries than quick replies can hold.</summary>
public static class MenuCard
{
    public static FlexMessage Of(BotTexts t, IEnumerable<MenuEntry> entries)
    {
        var prompt = t[TextKeys.MenuPrompt];
        var card = new FlexBubble
        {
            Size = FlexBubbleSize.Mega,
            Header = FlexBox.Vertical(new FlexText(prompt) { Wrap = true, Weight = FlexWeight.Bold, Size = FlexSize.Medium }),
            Body = FlexBox.Vertical([.. entries.Select(entry => Row(t, entry))]) with { Spacing = FlexSize.Small },
        };
        return new FlexMessage(LineLimits.Truncate(prompt, LineLimits.AltTextLength), card);
    }

    private static FlexButton Row(BotTexts t, MenuEntry entry) =>
        new(Menus.Button(t[entry.LabelKey], entry.Command)) { Style = FlexButtonStyle.Secondary, Height = FlexSize.Small };
}
