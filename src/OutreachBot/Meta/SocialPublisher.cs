using Microsoft.Extensions.Options;
using OutreachBot.Hosting;

namespace OutreachBot.Meta;

/// <summary>
/// Publishes the due social posts, each exactly once although the Graph API has no retry key: the intent is recorded
/// before every call that may publish and the post id after it, and a post with an intent but no post id (a crash, a
/// timeout, a 5xx) is first looked for on Meta. What looking cannot decide goes to staff as needs-check. Throttling
/// waits as long as Meta's usage headers say; a refused token (190) marks the connection disconnected and the posts wait.
/// </summary>
public sealed partial class SocialPublisher(
    SocialPostStore store,
    MetaConnections connections,
    GraphClient graph,
    IOptionsMonitor<MetaOptions> options,
    TimeProvider time,
    ILogger<SocialPublisher> logger) : BackgroundService
{
    /// <summary>Posts made this long before the intent still count as ours (clocks differ).</summary>
    private static readonly TimeSpan ClockSlack = TimeSpan.FromMinutes(2);

    private const int MaxLooks = 3;
    private const int LookBack = 25;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await OrphanRelease.RunAsync(store.ReleaseOrphanedClaimsAsync, LogOrphansReleased, LogOrphansNotReleased, stoppingToken);
        await PeriodicRounds.RunAsync(RoundAsync, () => options.CurrentValue.PollInterval, LogRoundFailed, time, stoppingToken);
    }

    /// <summary>One round: the due posts, one after another, while the connection works.</summary>
    public async Task RoundAsync(CancellationToken cancellationToken)
    {
        if (await connections.CurrentAsync(cancellationToken) is not { Usable: true } account)
        {
            return;
        }

        foreach (var post in await store.ClaimAsync(10, cancellationToken))
        {
            if (!await PublishAsync(post, account, cancellationToken))
            {
                return; // the token stopped working: the rest wait with their claims lapsing
            }
        }
    }

    private async Task<bool> PublishAsync(SocialPostRow post, MetaAccount account, CancellationToken cancellationToken)
    {
        try
        {
            await (post.Channel == "instagram" ? InstagramAsync(post, account, cancellationToken) : FacebookAsync(post, account, cancellationToken));
            return true;
        }
        catch (GraphApiException ex) when (ex.IsTokenInvalid)
        {
            await connections.MarkDisconnectedAsync(ex.Display, cancellationToken);
            await store.DeferAsync(post.Id, time.GetUtcNow() + options.CurrentValue.RetryDelay, "Facebook・Instagram の接続が切れています / Disconnected from Meta", ex.Display, cancellationToken);
            LogDisconnected(post.Id, ex.Code, ex.Subcode);
            return false;
        }
        catch (GraphApiException ex) when (ex.IsThrottling)
        {
            var wait = Max(ex.RegainAfter ?? TimeSpan.Zero, Backoff(post));
            await store.DeferAsync(post.Id, time.GetUtcNow() + wait, $"Meta の呼び出し制限のため待っています / Waiting for Meta's rate limit ({ex.Code})", ex.Display, cancellationToken);
            LogThrottled(post.Id, ex.Code, wait);
            return true;
        }
        catch (Exception ex) when (ex is GraphUnansweredException || ex is GraphApiException { IsTransient: true })
        {
            var error = ex is GraphApiException graphError ? graphError.Display : ex.Message;
            await store.DeferAsync(post.Id, time.GetUtcNow() + Backoff(post), "Meta から応答がなく、確かめてから再試行します / No answer from Meta: looking before trying again", error, cancellationToken);
            return true;
        }
        catch (GraphApiException ex)
        {
            await store.FailedAsync(post.Id, ex.Display, cancellationToken);
            return true;
        }
    }

    private async Task FacebookAsync(SocialPostRow post, MetaAccount account, CancellationToken cancellationToken)
    {
        if (post.IntentAt is { } intent)
        {
            var look = await LookAsync(post, () => graph.RecentPostsAsync(account.PageId, account.Token, LookBack, cancellationToken), intent, cancellationToken);
            if (look is not Look.NotThere)
            {
                return;
            }
        }

        await store.RecordIntentAsync(post.Id, cancellationToken);
        var postId = post.ImageUrl is { } image
            ? (await graph.PostPhotoAsync(account.PageId, account.Token, image, post.Message, cancellationToken)).PostId
            : await graph.PostToFeedAsync(account.PageId, account.Token, post.Message, post.Link, cancellationToken);
        await store.PublishedAsync(post.Id, postId, $"https://www.facebook.com/{postId}", cancellationToken);
    }

    private async Task InstagramAsync(SocialPostRow post, MetaAccount account, CancellationToken cancellationToken)
    {
        var igUser = account.InstagramUserId!;
        var container = post.ContainerId;
        if (container is null)
        {
            // A container publishes nothing by itself, and one left behind expires: making it needs no intent.
            container = await graph.CreateContainerAsync(igUser, account.Token, post.ImageUrl!, post.Message, cancellationToken);
            await store.RecordContainerAsync(post.Id, container, cancellationToken);
        }

        switch (await graph.ContainerStatusAsync(container, account.Token, cancellationToken))
        {
            case "PUBLISHED":
                await LookAsync(post, () => graph.RecentMediaAsync(igUser, account.Token, LookBack, cancellationToken), post.IntentAt ?? DateTimeOffset.MinValue, cancellationToken, mustFind: true);
                return;
            case "FINISHED":
                break;
            case "IN_PROGRESS":
                await store.DeferAsync(post.Id, time.GetUtcNow() + options.CurrentValue.PollInterval, "Instagram が画像を処理しています / Instagram is processing the image", null, cancellationToken);
                return;
            case "EXPIRED":
                await store.ForgetContainerAsync(post.Id, time.GetUtcNow(), "Instagram のコンテナが期限切れのため作り直します / The container expired: making it again", cancellationToken);
                return;
            default:
                await store.FailedAsync(post.Id, "Instagram が画像を処理できませんでした（JPEG の画像か確かめてください） / Instagram could not process the image (is it a JPEG?)", cancellationToken);
                return;
        }

        var limit = await graph.PublishingLimitAsync(igUser, account.Token, cancellationToken);
        if (limit.QuotaUsage >= limit.QuotaTotal)
        {
            await store.DeferAsync(
                post.Id, time.GetUtcNow() + Max(TimeSpan.FromMinutes(15), options.CurrentValue.RetryDelay),
                $"Instagram の投稿上限（24時間に{limit.QuotaTotal}件）に達しているため順番を待っています / Waiting: Instagram's limit of {limit.QuotaTotal} posts in 24 hours is reached",
                null, cancellationToken);
            return;
        }

        await store.RecordIntentAsync(post.Id, cancellationToken);
        var mediaId = await graph.PublishContainerAsync(igUser, account.Token, container, cancellationToken);
        await store.PublishedAsync(post.Id, mediaId, await PermalinkAsync(mediaId, account, cancellationToken), cancellationToken);
    }

    private enum Look { Found, NotThere, Undecided }

    /// <summary>
    /// Looks among the latest posts for this one (same text, made since the intent): found, it is recorded as published.
    /// Not there while the list reaches back past the intent, it was not made. Otherwise staff decide after a few looks.
    /// </summary>
    private async Task<Look> LookAsync(
        SocialPostRow post, Func<Task<IReadOnlyList<GraphPost>>> recent, DateTimeOffset intent, CancellationToken cancellationToken, bool mustFind = false)
    {
        IReadOnlyList<GraphPost> posts;
        try
        {
            posts = await recent();
        }
        catch (Exception ex) when (ex is GraphUnansweredException || ex is GraphApiException { IsTokenInvalid: false, IsThrottling: false })
        {
            var looks = await store.LookFailedAsync(post.Id, time.GetUtcNow() + Backoff(post), "投稿されたか確かめられません / Cannot tell yet whether it was posted", cancellationToken);
            if (looks >= MaxLooks)
            {
                await store.NeedsCheckAsync(post.Id, NeedsCheckReason(post), cancellationToken);
            }

            return Look.Undecided;
        }

        var since = intent - ClockSlack;
        var ours = posts.FirstOrDefault(p => p.CreatedTime >= since && Same(p.Message, post.Message));
        if (ours is not null)
        {
            var url = post.Channel == "instagram" ? ours.Permalink : ours.Permalink ?? $"https://www.facebook.com/{ours.Id}";
            await store.PublishedAsync(post.Id, ours.Id, url, cancellationToken);
            LogFound(post.Id, post.Channel);
            return Look.Found;
        }

        var reachesBack = posts.Count < LookBack || posts[^1].CreatedTime < since;
        if (mustFind || !reachesBack)
        {
            await store.NeedsCheckAsync(post.Id, NeedsCheckReason(post), cancellationToken);
            return Look.Undecided;
        }

        return Look.NotThere;
    }

    private async Task<string?> PermalinkAsync(string mediaId, MetaAccount account, CancellationToken cancellationToken)
    {
        try
        {
            return await graph.MediaPermalinkAsync(mediaId, account.Token, cancellationToken);
        }
        catch (Exception ex) when (ex is GraphApiException or GraphUnansweredException)
        {
            return null; // published all the same; the link is a nicety
        }
    }

    private static string NeedsCheckReason(SocialPostRow post) => post.Channel == "instagram"
        ? "Instagram に投稿されたか確認できませんでした。アカウントを開いて確かめ、「投稿する」か「投稿しない」を選んでください。 / Could not tell whether it was posted on Instagram: look at the account, then choose post or don't post."
        : "Facebook ページに投稿されたか確認できませんでした。ページを開いて確かめ、「投稿する」か「投稿しない」を選んでください。 / Could not tell whether it was posted on the Page: look at the Page, then choose post or don't post.";

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.Ordinal);

    private TimeSpan Backoff(SocialPostRow post)
    {
        var first = options.CurrentValue.RetryDelay;
        return TimeSpan.FromTicks(Math.Min(first.Ticks * (1L << Math.Min(post.Attempts + post.Looks, 10)), TimeSpan.FromMinutes(15).Ticks));
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Released {Count} social posts a stopped process had claimed; those with an intent are looked for on Meta first")]
    private partial void LogOrphansReleased(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release the social posts a stopped process had claimed; they wait for their leases")]
    private partial void LogOrphansNotReleased(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A round of social posts failed")]
    private partial void LogRoundFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meta refused the Page access token (code {Code}/{Subcode}) publishing social post {PostId}: the connection is marked disconnected")]
    private partial void LogDisconnected(long postId, int code, int? subcode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meta throttled social post {PostId} (code {Code}); trying again in {Wait}")]
    private partial void LogThrottled(long postId, int code, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Information, Message = "Social post {PostId} was found already published on {Channel}; it is recorded, not posted again")]
    private partial void LogFound(long postId, string channel);
}
