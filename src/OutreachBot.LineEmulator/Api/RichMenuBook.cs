using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;

namespace OutreachBot.LineEmulator.Api;

/// <summary>The channel's rich menus, their images, the default menu and the aliases, in memory. Per-user links live on <see cref="State.EmulatedUser.RichMenuId"/>.</summary>
public sealed class RichMenuBook
{
    public const int MaxMenus = 1000;
    public const int MaxAliases = 1000;

    private readonly ConcurrentDictionary<string, StoredRichMenu> _menus = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _aliases = new(StringComparer.Ordinal);

    public string? DefaultRichMenuId { get; set; }

    public IReadOnlyList<StoredRichMenu> Menus => [.. _menus.Values.OrderBy(m => m.CreatedOrder)];

    public IReadOnlyDictionary<string, string> Aliases => new Dictionary<string, string>(_aliases, StringComparer.Ordinal);

    public StoredRichMenu? Find(string richMenuId) => _menus.TryGetValue(richMenuId, out var menu) ? menu : null;

    public StoredRichMenu? Create(JsonElement request)
    {
        if (_menus.Count >= MaxMenus)
        {
            return null;
        }

        var id = "richmenu-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var menu = new StoredRichMenu(id, request.Clone(), _menus.Count);
        _menus[id] = menu;
        return menu;
    }

    public bool Delete(string richMenuId)
    {
        if (!_menus.TryRemove(richMenuId, out _))
        {
            return false;
        }

        if (DefaultRichMenuId == richMenuId)
        {
            DefaultRichMenuId = null;
        }

        foreach (var alias in _aliases.Where(a => a.Value == richMenuId).ToList())
        {
            _aliases.TryRemove(alias);
        }

        return true;
    }

    public void SetImage(StoredRichMenu menu, byte[] image, string contentType) =>
        _menus[menu.RichMenuId] = menu with { Image = image, ImageContentType = contentType };

    public string? FindAlias(string aliasId) => _aliases.TryGetValue(aliasId, out var id) ? id : null;

    public bool TryAddAlias(string aliasId, string richMenuId) => _aliases.Count < MaxAliases && _aliases.TryAdd(aliasId, richMenuId);

    public bool TryUpdateAlias(string aliasId, string richMenuId)
    {
        if (!_aliases.ContainsKey(aliasId))
        {
            return false;
        }

        _aliases[aliasId] = richMenuId;
        return true;
    }

    public bool RemoveAlias(string aliasId) => _aliases.TryRemove(aliasId, out _);
}

/// <param name="Request">The rich menu object as created (size, selected, name, chatBarText, areas).</param>
public sealed record StoredRichMenu(string RichMenuId, JsonElement Request, int CreatedOrder)
{
    public byte[]? Image { get; init; }

    public string? ImageContentType { get; init; }
}
