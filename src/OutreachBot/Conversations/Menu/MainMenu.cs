using OutreachBot.Conversations.Views;

namespace OutreachBot.Conversations.Menu;

/// <summary>
/// The entries the features registered, in order: the one list that the text menu (quick replies under answers, the
/// menu itself) and the rich menus are made from.
/// </summary>
public sealed class MainMenu
{
    /// <summary>LINE's tap areas per rich menu.</summary>
    public const int MaxEntries = LineLimits.RichMenuAreas;

    public MainMenu(IEnumerable<MenuEntry> entries, TextCatalog texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        Entries = [.. entries.OrderBy(e => e.Order).ThenBy(e => e.Id, StringComparer.Ordinal)];
        if (Entries.Count is 0 or > MaxEntries)
        {
            throw new InvalidOperationException($"The menu has {Entries.Count} entries; it needs 1 to {MaxEntries} (LINE's rich menu tap areas).");
        }

        if (Entries.GroupBy(e => e.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidOperationException($"The menu entry '{twice.Key}' is registered twice.");
        }

        foreach (var entry in Entries)
        {
            _ = texts.Get(entry.LabelKey, TextCatalog.NeutralLanguage);
            _ = PostbackCodec.Encode(entry.Command);
        }
    }

    public IReadOnlyList<MenuEntry> Entries { get; }

    /// <summary>
    /// The menu as quick reply buttons under an answer: every entry, or when there are more than LINE shows (13), the
    /// first twelve and a button to the whole menu.
    /// </summary>
    public QuickReply Shortcuts(BotTexts t)
    {
        if (Entries.Count <= LineLimits.QuickReplyItems)
        {
            return QuickReply.Of(Entries.Select(e => Button(t, e)));
        }

        var whole = Menus.Button(t[TextKeys.RichMenuChatBar], new Command.ShowMenu());
        return QuickReply.Of([.. Entries.Take(LineLimits.QuickReplyItems - 1).Select(e => Button(t, e)), whole]);
    }

    /// <summary>The whole menu: a prompt with every entry as a quick reply, or as a card of buttons when they are more than 13.</summary>
    public IReadOnlyList<Message> Menu(BotTexts t) =>
        Entries.Count <= LineLimits.QuickReplyItems ? [Menus.Text(t[TextKeys.MenuPrompt], Shortcuts(t))] : [MenuCard.Of(t, Entries)];

    public IReadOnlyList<Message> Help(BotTexts t) => [Menus.Text(t[TextKeys.HelpText], Shortcuts(t))];

    /// <summary>For postback data the bot does not accept: nothing changed, try the menu.</summary>
    public IReadOnlyList<Message> Invalid(BotTexts t) => [Menus.Text(t[TextKeys.PostbackInvalid], Shortcuts(t))];

    public IReadOnlyList<Message> Expired(BotTexts t) => [Menus.Text(t[TextKeys.PostbackExpired], Shortcuts(t))];

    private static PostbackAction Button(BotTexts t, MenuEntry entry) => Menus.Button(t[entry.LabelKey], entry.Command);
}
