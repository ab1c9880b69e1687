namespace OutreachBot.Line.Messaging;

public sealed partial class LineMessagingClient
{
    /// <summary>
    /// Replaces or unlinks the menus linked to users, every user at once (<c>POST /v2/bot/richmenu/batch</c>, LINE's limit 3
    /// an hour). LINE answers 202 at once and works in the background: <see cref="LineResponse.RequestId"/> is what
    /// <see cref="GetRichMenuBatchProgressAsync"/> asks about. Sending it twice moves nobody twice (users already moved are
    /// no longer linked to <c>from</c>), so it is retried like a GET.
    /// </summary>
    public Task<LineResponse> RichMenuBatchAsync(RichMenuBatchRequest batch, CancellationToken cancellationToken = default) =>
        PostBatchAsync("rich menu batch", "/v2/bot/richmenu/batch", batch, cancellationToken);

    /// <summary>Asks LINE whether a batch request would be accepted, without running it.</summary>
    public Task<LineResponse> ValidateRichMenuBatchAsync(RichMenuBatchRequest batch, CancellationToken cancellationToken = default) =>
        PostBatchAsync("validate rich menu batch", "/v2/bot/richmenu/validate/batch", batch, cancellationToken);

    /// <summary>The phase of a batch request (LINE's limit 100 an hour): ongoing, succeeded or failed.</summary>
    public async Task<LineResponse<RichMenuBatchProgress>> GetRichMenuBatchProgressAsync(string requestId, CancellationToken cancellationToken = default) =>
        await GetAsync(
            "rich menu batch progress", Api($"/v2/bot/richmenu/progress/batch?requestId={Escape(Required(requestId))}"),
            LineJsonContext.Default.RichMenuBatchProgress, cancellationToken);

    /// <summary>Links one menu to up to 500 users (202); linking twice leaves the same state.</summary>
    public async Task<LineResponse> LinkRichMenuToUsersAsync(string richMenuId, IReadOnlyList<string> userIds, CancellationToken cancellationToken = default)
    {
        CheckBulk(userIds);
        var answer = await SendAsync(
            "bulk link rich menu", HttpMethod.Post, Api("/v2/bot/richmenu/bulk/link"),
            Json(new RichMenuBulkLinkRequest(Required(richMenuId), userIds), LineJsonContext.Default.RichMenuBulkLinkRequest),
            LineRetryMode.Idempotent, null, cancellationToken);
        return new LineResponse(answer.RequestId);
    }

    /// <summary>Unlinks the menus of up to 500 users (202): they see the default menu again.</summary>
    public async Task<LineResponse> UnlinkRichMenuFromUsersAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken = default)
    {
        CheckBulk(userIds);
        var answer = await SendAsync(
            "bulk unlink rich menu", HttpMethod.Post, Api("/v2/bot/richmenu/bulk/unlink"),
            Json(new RichMenuBulkUnlinkRequest(userIds), LineJsonContext.Default.RichMenuBulkUnlinkRequest),
            LineRetryMode.Idempotent, null, cancellationToken);
        return new LineResponse(answer.RequestId);
    }

    private async Task<LineResponse> PostBatchAsync(string operation, string path, RichMenuBatchRequest batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var answer = await SendAsync(
            operation, HttpMethod.Post, Api(path), Json(batch, LineJsonContext.Default.RichMenuBatchRequest), LineRetryMode.Idempotent, null, cancellationToken);
        return new LineResponse(answer.RequestId);
    }

    private static void CheckBulk(IReadOnlyList<string> userIds)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        if (userIds.Count is 0 or > LineLimits.RichMenuBulkUsers)
        {
            throw new ArgumentOutOfRangeException(nameof(userIds), userIds.Count, $"A bulk link or unlink names 1 to {LineLimits.RichMenuBulkUsers} users.");
        }
    }
}
