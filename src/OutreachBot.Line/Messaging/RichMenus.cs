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

/// <summary>Operations on the menus linked to users, run by LINE in the background (<c>RichMenuBatchRequest</c>, at most 1,000 operations).</summary>
/// <param name="ResumeRequestKey">Optional, <c>^[a-zA-Z0-9_-]{1,100}$</c>.</param>
public sealed record RichMenuBatchRequest(IReadOnlyList<RichMenuBatchOperation> Operations, string? ResumeRequestKey = null);

/// <summary><c>link</c> (every user linked to <c>from</c> gets <c>to</c>), <c>unlink</c> (users linked to <c>from</c>), <c>unlinkAll</c>.</summary>
public sealed record RichMenuBatchOperation(string Type, string? From = null, string? To = null)
{
    public static RichMenuBatchOperation Link(string from, string to) => new("link", from, to);

    public static RichMenuBatchOperation Unlink(string from) => new("unlink", from);

    public static RichMenuBatchOperation UnlinkAll() => new("unlinkAll");
}

/// <param name="Phase"><c>ongoing</c>, <c>succeeded</c> or <c>failed</c> (some users may have been changed).</param>
public sealed record RichMenuBatchProgress(string Phase, DateTimeOffset AcceptedTime, DateTimeOffset? CompletedTime);

public sealed record RichMenuBulkLinkRequest(string RichMenuId, IReadOnlyList<string> UserIds);

public sealed record RichMenuBulkUnlinkRequest(IReadOnlyList<string> UserIds);
