namespace OutreachBot.Line.Messaging;

/// <summary>A rich menu to create (<c>RichMenuRequest</c>). Its image is uploaded separately and cannot be replaced.</summary>
/// <param name="ChatBarText">At most 14 characters.</param>
/// <param name="Areas">At most 20 tappable areas.</param>
public sealed record RichMenuRequest(RichMenuSize Size, bool Selected, string Name, string ChatBarText, IReadOnlyList<RichMenuArea> Areas);

/// <summary>Width 800 to 2,500 px, height at least 250 px, width / height at least 1.45 (e.g. 2500 x 1686 or 2500 x 843).</summary>
public sealed record RichMenuSize(int Width, int Height);

public sealed record RichMenuArea(RichMenuBounds Bounds, LineAction Action);

public sealed record RichMenuBounds(int X, int Y, int Width, int Height);

public sealed record RichMenuIdResponse(string RichMenuId);

public sealed record RichMenuResponse(
    string RichMenuId, RichMenuSize Size, bool Selected, string Name, string ChatBarText, IReadOnlyList<RichMenuArea> Areas);

public sealed record RichMenuListResponse(IReadOnlyList<RichMenuResponse> Richmenus);

public sealed record RichMenuAliasResponse(string RichMenuAliasId, string RichMenuId);

public sealed record RichMenuAliasListResponse(IReadOnlyList<RichMenuAliasResponse> Aliases);
