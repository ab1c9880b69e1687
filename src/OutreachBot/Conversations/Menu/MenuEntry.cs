namespace OutreachBot.Conversations.Menu;

/// <summary>
/// One thing a citizen can do from the menu: a button in the text menu and a tap area of the rich menu alike.
/// </summary>
/// <param name="Id">Unique among the entries: what a test or a log names it by.</param>
/// <param name="LabelKey">The text (Resources/Texts) that labels it in each language; buttons show at most 20 characters.</param>
/// <param name="Command">What tapping it does (sent as its postback).</param>
/// <param name="Order">Place in the menu, lowest first; the features leave gaps of ten so that new entries fit between.</param>
public sealed record MenuEntry(string Id, string LabelKey, Command Command, int Order);
