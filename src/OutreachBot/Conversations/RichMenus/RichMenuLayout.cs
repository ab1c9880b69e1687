using System.Security.Cryptography;
using System.Text;
using OutreachBot.Line.Messaging;
using OutreachBot.Resources;

namespace OutreachBot.Conversations.RichMenus;

/// <summary>
/// A language's rich menu: LINE's large size (2500 x 1686), three by two tiles — topics, my subscriptions, events /
/// ask staff, language, help — labelled with that language's Menu.* texts.
/// </summary>
public sealed record RichMenuLayout(string Language, RichMenuRequest Request, IReadOnlyList<RichMenuTile> Tiles, string Fingerprint)
{
    public const string NamePrefix = "outreachbot";

    /// <summary>Changing how menus look or act must change this, so that running bots replace their menus.</summary>
    private const string DesignVersion = "1";

    public static readonly RichMenuSize Size = new(2500, 1686);

    /// <summary>The alias that marks the language's finished menu (created last, after the image).</summary>
    public string AliasId => $"{NamePrefix}-{Language.ToLowerInvariant()}";

    public static RichMenuLayout For(BotTexts t, string fontIdentity)
    {
        (string Label, Command Command)[] items =
        [
            (t[TextKeys.MenuTopics], new Command.ShowTopics(1)),
            (t[TextKeys.MenuMine], new Command.ShowSubscriptions()),
            (t[TextKeys.MenuEvents], new Command.ShowEvents(1)),
            (t[TextKeys.MenuAsk], new Command.Ask()),
            (t[TextKeys.MenuLanguage], new Command.ShowLanguages()),
            (t[TextKeys.MenuHelp], new Command.ShowHelp()),
        ];
        var columns = new[] { 0, 833, 1667, Size.Width };
        var rows = new[] { 0, 843, Size.Height };
        var tiles = items.Select((item, i) =>
        {
            var (column, row) = (i % 3, i / 3);
            var bounds = new RichMenuBounds(columns[column], rows[row], columns[column + 1] - columns[column], rows[row + 1] - rows[row]);
            return new RichMenuTile(bounds, item.Label, Views.Menus.Button(item.Label, item.Command));
        }).ToList();

        var chatBar = LineLimits.Truncate(t[TextKeys.RichMenuChatBar], LineLimits.RichMenuChatBarText);
        var fingerprint = FingerprintOf(t.Language, chatBar, tiles, fontIdentity);
        var request = new RichMenuRequest(
            Size, Selected: true, Name: $"{NamePrefix} {t.Language} {fingerprint}", chatBar,
            [.. tiles.Select(tile => new RichMenuArea(tile.Bounds, tile.Action))]);
        return new RichMenuLayout(t.Language, request, tiles, fingerprint);
    }

    /// <summary>What the menu is made of, hashed: the same texts, actions and font give the same menu, so a restart reuses it.</summary>
    private static string FingerprintOf(string language, string chatBar, IEnumerable<RichMenuTile> tiles, string fontIdentity)
    {
        var source = new StringBuilder($"{DesignVersion}\n{language}\n{chatBar}\n{fontIdentity}\n");
        foreach (var tile in tiles)
        {
            source.Append(System.Globalization.CultureInfo.InvariantCulture, $"{tile.Bounds}\n{tile.Label}\n{tile.Action.Data}\n");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source.ToString())))[..16];
    }
}

public sealed record RichMenuTile(RichMenuBounds Bounds, string Label, PostbackAction Action);
