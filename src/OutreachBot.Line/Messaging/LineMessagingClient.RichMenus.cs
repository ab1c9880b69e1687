using System.Net.Http.Headers;

namespace OutreachBot.Line.Messaging;

public sealed partial class LineMessagingClient
{
    /// <summary>Creates a rich menu and returns its id. Retried only on 429: a retry after a lost answer would make a second menu.</summary>
    public async Task<LineResponse<string>> CreateRichMenuAsync(RichMenuRequest richMenu, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(richMenu);
        var answer = await SendAsync(
            "create rich menu", HttpMethod.Post, Api("/v2/bot/richmenu"), Json(richMenu, LineJsonContext.Default.RichMenuRequest),
            LineRetryMode.OnlyWhenRejected, null, cancellationToken);
        return new LineResponse<string>(Read(answer, LineJsonContext.Default.RichMenuIdResponse, "create rich menu").RichMenuId, answer.RequestId);
    }

    /// <summary>
    /// Uploads a rich menu's image (PNG or JPEG, at most 1 MB, the menu's size) to the data API. An image cannot be
    /// replaced, so this is retried only on 429.
    /// </summary>
    public async Task<LineResponse> UploadRichMenuImageAsync(
        string richMenuId, ReadOnlyMemory<byte> image, string contentType, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(richMenuId);
        if (contentType is not ("image/png" or "image/jpeg"))
        {
            throw new ArgumentOutOfRangeException(nameof(contentType), contentType, "A rich menu image is image/png or image/jpeg.");
        }

        if (image.Length is 0 or > LineLimits.RichMenuImageBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(image), image.Length, "A rich menu image is 1 byte to 1 MB.");
        }

        var content = new ByteArrayContent(image.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var answer = await SendAsync(
            "upload rich menu image", HttpMethod.Post, DataApi($"/v2/bot/richmenu/{Escape(richMenuId)}/content"), content,
            LineRetryMode.OnlyWhenRejected, null, cancellationToken);
        return new LineResponse(answer.RequestId);
    }

    public async Task<LineResponse<RichMenuResponse>> GetRichMenuAsync(string richMenuId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(richMenuId);
        return await GetAsync("get rich menu", Api($"/v2/bot/richmenu/{Escape(richMenuId)}"), LineJsonContext.Default.RichMenuResponse, cancellationToken);
    }

    public async Task<LineResponse<IReadOnlyList<RichMenuResponse>>> GetRichMenuListAsync(CancellationToken cancellationToken = default)
    {
        var list = await GetAsync("rich menu list", Api("/v2/bot/richmenu/list"), LineJsonContext.Default.RichMenuListResponse, cancellationToken);
        return new LineResponse<IReadOnlyList<RichMenuResponse>>(list.Value.Richmenus, list.RequestId);
    }

    public Task<LineResponse> DeleteRichMenuAsync(string richMenuId, CancellationToken cancellationToken = default) =>
        SendEmptyAsync("delete rich menu", HttpMethod.Delete, $"/v2/bot/richmenu/{Escape(Required(richMenuId))}", cancellationToken);

    /// <summary>The menu every user sees unless one is linked to them.</summary>
    public Task<LineResponse> SetDefaultRichMenuAsync(string richMenuId, CancellationToken cancellationToken = default) =>
        SendEmptyAsync("set default rich menu", HttpMethod.Post, $"/v2/bot/user/all/richmenu/{Escape(Required(richMenuId))}", cancellationToken);

    public Task<LineResponse> CancelDefaultRichMenuAsync(CancellationToken cancellationToken = default) =>
        SendEmptyAsync("cancel default rich menu", HttpMethod.Delete, "/v2/bot/user/all/richmenu", cancellationToken);

    public async Task<LineResponse<string>> GetDefaultRichMenuIdAsync(CancellationToken cancellationToken = default)
    {
        var answer = await GetAsync("get default rich menu", Api("/v2/bot/user/all/richmenu"), LineJsonContext.Default.RichMenuIdResponse, cancellationToken);
        return new LineResponse<string>(answer.Value.RichMenuId, answer.RequestId);
    }

    public Task<LineResponse> LinkRichMenuToUserAsync(string userId, string richMenuId, CancellationToken cancellationToken = default) =>
        SendEmptyAsync(
            "link rich menu", HttpMethod.Post, $"/v2/bot/user/{Escape(Required(userId))}/richmenu/{Escape(Required(richMenuId))}", cancellationToken);

    public Task<LineResponse> UnlinkRichMenuFromUserAsync(string userId, CancellationToken cancellationToken = default) =>
        SendEmptyAsync("unlink rich menu", HttpMethod.Delete, $"/v2/bot/user/{Escape(Required(userId))}/richmenu", cancellationToken);

    public async Task<LineResponse<string>> GetRichMenuIdOfUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        var answer = await GetAsync(
            "get user rich menu", Api($"/v2/bot/user/{Escape(Required(userId))}/richmenu"), LineJsonContext.Default.RichMenuIdResponse, cancellationToken);
        return new LineResponse<string>(answer.Value.RichMenuId, answer.RequestId);
    }

    /// <summary>Names a menu for <see cref="RichMenuSwitchAction"/>; <paramref name="aliasId"/> matches <c>^[a-z0-9_-]{1,32}$</c>.</summary>
    public async Task<LineResponse> CreateRichMenuAliasAsync(string aliasId, string richMenuId, CancellationToken cancellationToken = default)
    {
        var content = Json(new CreateRichMenuAliasRequest(Required(aliasId), Required(richMenuId)), LineJsonContext.Default.CreateRichMenuAliasRequest);
        var answer = await SendAsync(
            "create rich menu alias", HttpMethod.Post, Api("/v2/bot/richmenu/alias"), content, LineRetryMode.OnlyWhenRejected, null, cancellationToken);
        return new LineResponse(answer.RequestId);
    }

    public async Task<LineResponse> UpdateRichMenuAliasAsync(string aliasId, string richMenuId, CancellationToken cancellationToken = default)
    {
        var content = Json(new UpdateRichMenuAliasRequest(Required(richMenuId)), LineJsonContext.Default.UpdateRichMenuAliasRequest);
        var answer = await SendAsync(
            "update rich menu alias", HttpMethod.Post, Api($"/v2/bot/richmenu/alias/{Escape(Required(aliasId))}"), content,
            LineRetryMode.Idempotent, null, cancellationToken);
        return new LineResponse(answer.RequestId);
    }

    public Task<LineResponse> DeleteRichMenuAliasAsync(string aliasId, CancellationToken cancellationToken = default) =>
        SendEmptyAsync("delete rich menu alias", HttpMethod.Delete, $"/v2/bot/richmenu/alias/{Escape(Required(aliasId))}", cancellationToken);

    public async Task<LineResponse<RichMenuAliasResponse>> GetRichMenuAliasAsync(string aliasId, CancellationToken cancellationToken = default) =>
        await GetAsync(
            "get rich menu alias", Api($"/v2/bot/richmenu/alias/{Escape(Required(aliasId))}"), LineJsonContext.Default.RichMenuAliasResponse,
            cancellationToken);

    public async Task<LineResponse<IReadOnlyList<RichMenuAliasResponse>>> GetRichMenuAliasListAsync(CancellationToken cancellationToken = default)
    {
        var list = await GetAsync("rich menu alias list", Api("/v2/bot/richmenu/alias/list"), LineJsonContext.Default.RichMenuAliasListResponse, cancellationToken);
        return new LineResponse<IReadOnlyList<RichMenuAliasResponse>>(list.Value.Aliases, list.RequestId);
    }

    // Deleting, linking and setting a default twice leaves the same state, so these retry like GETs.
    private async Task<LineResponse> SendEmptyAsync(string operation, HttpMethod method, string path, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(operation, method, Api(path), null, LineRetryMode.Idempotent, null, cancellationToken);
        return new LineResponse(answer.RequestId);
    }

    private static string Required(string value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, name);
        return value;
    }
}
