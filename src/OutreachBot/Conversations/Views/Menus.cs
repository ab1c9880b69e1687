namespace OutreachBot.Conversations.Views;

/// <summary>The language choice and the small building blocks every answer uses (the menu itself is <see cref="Menu.MainMenu"/>).</summary>
public static class Menus
{
    /// <summary>A button that sends <paramref name="command"/> and shows its label in the chat as if typed.</summary>
    public static PostbackAction Button(string label, Command command, int maxLabel = LineLimits.ActionLabel)
    {
        var shown = LineLimits.Truncate(label, maxLabel);
        return new PostbackAction(shown, PostbackCodec.Encode(command)) { DisplayText = shown };
    }

    public static TextMessage Text(string text, QuickReply? quickReply = null) =>
        TextMessage.Create(LineLimits.Truncate(text, LineLimits.TextLength), quickReply);

    /// <summary>Every language, named in itself, <paramref name="first"/> first.</summary>
    public static QuickReply LanguageChoice(string first) => QuickReply.Of(
        Languages.Supported
            .OrderBy(l => l.Code == first ? 0 : 1)
            .Select(l => Button(l.Name, new Command.ChooseLanguage(l.Code))));

    public static IReadOnlyList<Message> LanguagePrompt(BotTexts t) => [Text(t[TextKeys.LanguagePrompt], LanguageChoice(t.Language))];

    /// <summary>A yes/no question as a confirm template (text at most 240 characters, labels 20).</summary>
    public static TemplateMessage Confirm(string text, PostbackAction yes, PostbackAction no)
    {
        var shown = LineLimits.Truncate(text, LineLimits.ConfirmTemplateText);
        return new TemplateMessage(LineLimits.Truncate(shown, LineLimits.AltTextLength), new ConfirmTemplate(shown, [yes, no]));
    }

    /// <summary>The last card of a carousel with more pages: how many more, and a button to the next page.</summary>
    public static FlexBubble NextPageBubble(BotTexts t, int remaining, Command next) => new()
    {
        Size = FlexBubbleSize.Kilo,
        Body = FlexBox.Vertical(
            new FlexText(t.Format(TextKeys.PageMore, remaining)) { Wrap = true, Size = FlexSize.Medium, Align = "center", Gravity = "center" })
            with { JustifyContent = "center", Flex = 1 },
        Footer = FlexBox.Vertical(new FlexButton(Button(t[TextKeys.PageNext], next, LineLimits.FlexButtonLabel)) { Style = FlexButtonStyle.Primary }),
    };
}
