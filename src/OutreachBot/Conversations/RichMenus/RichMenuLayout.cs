using System.Security.Cryptography;
using System.Text;
using OutreachBot.Conversations.Menu;

namespace OutreachBot.Conversations.RichMenus;

/// <summary>
/// A language's rich menu: a tile per <see cref="MainMenu"/> entry on a <see cref="RichMenuGrid"/>, labelled with that
/// language's texts.
/// </summary>
public sealed record RichMenuLayout(string Language, RichMenuRequest Request, IReadOnlyList<RichMenuTile> Tiles, string Fingerprint)
{
    public const string NamePrefix = "outreachbot";

    /// <summary>Changing how menus look or act must change this, so that running bots replace their menus.</summary>
    private const string DesignVersion = "1";

    /// <summary>The alias that marks the language's finished menu (created last, after the image).</summary>
    public string AliasId => $"{NamePrefix}-{Language.ToLowerInvariant()}";

    public RichMenuSize Size => Request.Size;

    public static RichMenuLayout For(BotTexts t, MainMenu menu, string fontIdentity)
    {
        var grid = RichMenuGrid.For(menu.Entries.Count);
        var tiles = menu.Entries.Zip(grid.Cells, (entry, bounds) =>
        {
            var label = t[entry.LabelKey];
            return new RichMenuTile(bounds, label, Views.Menus.Button(label, entry.Command));
        }).ToList();

        var chatBar = LineLimits.Truncate(t[TextKeys.RichMenuChatBar], LineLimits.RichMenuChatBarText);
        var fingerprint = FingerprintOf(t.Language, chatBar, tiles, fontIdentity);
        var request = new RichMenuRequest(
            grid.Size, Selected: true, Name: $"{NamePrefix} {t.Language} {fingerprint}", chatBar,
            [.. tiles.Select(tile => new RichMenuArea(tile.Bounds, tile.Action))]);
        return new RichMenuLayout(t.Language, request, tiles, fingerprint);
    }

    /// <summary>
    /// What the menu is made of, hashed: the same entries (their places, texts and actions) and font give the same menu,
    /// so a restart reuses it, and a deploy that adds an entry makes a new one.
    /// </summary>
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
