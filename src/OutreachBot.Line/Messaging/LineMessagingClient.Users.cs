using System.Runtime.CompilerServices;

namespace OutreachBot.Line.Messaging;

public sealed partial class LineMessagingClient
{
    /// <summary>A user's profile; 404 (as <see cref="LineApiException"/>) when the user never befriended the account.</summary>
    public async Task<LineResponse<UserProfile>> GetProfileAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return await GetAsync("profile", Api($"/v2/bot/profile/{Escape(userId)}"), LineJsonContext.Default.UserProfile, cancellationToken);
    }

    /// <summary>One page of follower ids (verified and premium accounts only). Pass <see cref="FollowerIdsPage.Next"/> as <paramref name="start"/>.</summary>
    public async Task<LineResponse<FollowerIdsPage>> GetFollowerIdsAsync(
        string? start = null, int? limit = null, CancellationToken cancellationToken = default)
    {
        if (limit is < 1 or > LineLimits.FollowerIdsPageMax)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, $"limit is 1 to {LineLimits.FollowerIdsPageMax}.");
        }

        var query = new List<string>(2);
        if (start is not null)
        {
            query.Add($"start={Escape(start)}");
        }

        if (limit is not null)
        {
            query.Add($"limit={limit}");
        }

        var path = query.Count == 0 ? "/v2/bot/followers/ids" : $"/v2/bot/followers/ids?{string.Join('&', query)}";
        return await GetAsync("followers", Api(path), LineJsonContext.Default.FollowerIdsPage, cancellationToken);
    }

    /// <summary>Every follower id, page by page.</summary>
    public async IAsyncEnumerable<string> GetAllFollowerIdsAsync(
        int pageSize = LineLimits.FollowerIdsPageMax, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? next = null;
        do
        {
            var page = (await GetFollowerIdsAsync(next, pageSize, cancellationToken)).Value;
            foreach (var id in page.UserIds)
            {
                yield return id;
            }

            next = page.Next;
        }
        while (next is not null);
    }

    /// <summary>Shows the "..." loading animation in a one-to-one chat for 5 to 60 seconds, in steps of 5.</summary>
    public async Task<LineResponse> ShowLoadingAnimationAsync(string chatId, int seconds = 20, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(chatId);
        if (!LineLimits.IsValidLoadingSeconds(seconds))
        {
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "Loading animation lasts 5 to 60 seconds, in steps of 5.");
        }

        var content = Json(new ShowLoadingAnimationRequest(chatId, seconds), LineJsonContext.Default.ShowLoadingAnimationRequest);
        var answer = await SendAsync(
            "loading animation", HttpMethod.Post, Api("/v2/bot/chat/loading/start"), content, LineRetryMode.Idempotent, null, cancellationToken);
        return new LineResponse(answer.RequestId);
    }

    /// <summary>Marks a user's messages as read, with the <c>markAsReadToken</c> of a message event.</summary>
    public async Task<LineResponse> MarkAsReadAsync(string markAsReadToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(markAsReadToken);
        var content = Json(new MarkMessagesAsReadByTokenRequest(markAsReadToken), LineJsonContext.Default.MarkMessagesAsReadByTokenRequest);
        var answer = await SendAsync(
            "mark as read", HttpMethod.Post, Api("/v2/bot/chat/markAsRead"), content, LineRetryMode.Idempotent, null, cancellationToken);
        return new LineResponse(answer.RequestId);
    }
}
