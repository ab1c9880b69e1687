using System.Security.Cryptography;
using System.Text;
using OutreachBot.Conversations.Menu;

namespace OutreachBot.Conversations.RichMenus;

/// <summary>
/// A language's rich menu: a tile per <see cref="MainMenu"/> entry on a <see cref="RichMenuGrid"/>, labelled with that
/// language's texts.
/// </summary>
public sealed record RichMenuLayout(string Language, string Prefix, RichMenuRequest Request, IReadOnlyList<RichMenuTile> Tiles, string Fingerprint)
{
    public const string NamePrefix = "outreachbot";

    /// <summary>Changing how menus look or act must change this, so that running bots replace their menus.</summary>
    private const string DesignVersion = "1";

    /// <summary>The alias that marks the language's finished menu (created last, after the image).</summary>
    public string AliasId => $"{Prefix}-{Language.ToLowerInvariant()}";

    public RichMenuSize Size => Request.Size;

    public static RichMenuLayout For(BotTexts t, MainMenu menu, string fontIdentity) =>
        For(t, RichMenuSet.Everyday(menu), fontIdentity);

    public static RichMenuLayout For(BotTexts t, RichMenuSet set, string fontIdentity)
    {
        ArgumentNullException.ThrowIfNull(set);
        var grid = RichMenuGrid.For(set.Entries.Count);
        var tiles = set.Entries.Zip(grid.Cells, (entry, bounds) =>
        {
            var label = t[entry.LabelKey];
            return new RichMenuTile(bounds, label, Views.Menus.Button(label, entry.Command));
        }).ToList();

        var chatBar = LineLimits.Truncate(t[set.ChatBarKey], LineLimits.RichMenuChatBarText);
        var fingerprint = FingerprintOf(t.Language, chatBar, tiles, fontIdentity);
        var request = new RichMenuRequest(
            grid.Size, Selected: true, Name: $"{set.Prefix} {t.Language} {fingerprint}", chatBar,
            [.. tiles.Select(tile => new RichMenuArea(tile.Bounds, tile.Action))]);
        return new RichMenuLayout(t.Language, set.Prefix, request, tiles, fingerprint);
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

/// <summary>A family of rich menus, one per language, told apart on LINE by <paramref name="Prefix"/> (names and aliases).</summary>
public sealed record RichMenuSet(string Prefix, string ChatBarKey, IReadOnlyList<MenuEntry> Entries)
{
    public static RichMenuSet Everyday(MainMenu menu) => new(RichMenuLayout.NamePrefix, TextKeys.RichMenuChatBar, menu.Entries);

    /// <summary>The menu of disaster mode (防災モード), which the bot switches every follower to and back.</summary>
    public static RichMenuSet Disaster { get; } = new("outreachbot-disaster", OutreachBot.Disaster.DisasterTextKeys.ChatBar, OutreachBot.Disaster.DisasterMenu.Entries);
}

public sealed record RichMenuTile(RichMenuBounds Bounds, string Label, PostbackAction Action);
