namespace OutreachBot.Meta;

/// <summary>
/// What staff do with a broadcast's social post: correct or delete the published post on Meta (Instagram takes caption
/// edits only), and decide about one that needs checking. Each is one audit entry.
/// </summary>
public sealed class SocialPostActions(SocialPostStore store, MetaConnections connections, GraphClient graph, AuditLog audit)
{
    public static readonly Bilingual NotPublished = new("公開済みの投稿がありません。", "There is no published post.");

    public static readonly Bilingual NothingToDecide = new("確認が必要な投稿はありません。", "No post needs checking.");

    /// <summary>What is wrong with a corrected text before Meta is asked: empty, or over Instagram's caption limits.</summary>
    public static Bilingual? TextProblem(string channel, string? text) =>
        string.IsNullOrWhiteSpace(text) ? new("本文を入力してください。", "Enter the text.")
        : channel == "instagram" ? InstagramCaption.Problem(text.Trim())
        : null;

    /// <summary>Whether a refusal is the post's state (nothing published, nothing to decide, no connection) rather than Meta's answer.</summary>
    public static bool IsStateProblem(Bilingual problem) =>
        problem == NotPublished || problem == NothingToDecide || problem == SocialChannelChecks.NotConnected;

    public async Task<Bilingual?> EditAsync(long broadcastId, string channel, string text, StaffActor actor, CancellationToken cancellationToken)
    {
        if (TextProblem(channel, text) is { } problem)
        {
            return problem;
        }

        text = text.Trim();
        return await OnPublishedAsync(broadcastId, channel, actor, AuditActions.SocialPostEdited, async (post, account) =>
        {
            await graph.EditAsync(post.PostId!, account.Token, channel == "instagram" ? "caption" : "message", text, cancellationToken);
            await store.EditedAsync(post.Id, text, cancellationToken);
        }, cancellationToken);
    }

    public Task<Bilingual?> DeleteAsync(long broadcastId, string channel, StaffActor actor, CancellationToken cancellationToken) =>
        OnPublishedAsync(broadcastId, channel, actor, AuditActions.SocialPostDeleted, async (post, account) =>
        {
            await graph.DeleteAsync(post.PostId!, account.Token, cancellationToken);
            await store.DeletedAsync(post.Id, cancellationToken);
        }, cancellationToken);

    /// <summary>Post it (from scratch) or leave it unposted; null when done, the reason otherwise.</summary>
    public async Task<Bilingual?> DecideAsync(long broadcastId, string channel, bool post, StaffActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!await store.DecideAsync(broadcastId, channel, post, actor.AuditName ?? "", cancellationToken))
        {
            return NothingToDecide;
        }

        await audit.WriteAsync(actor, AuditActions.SocialPostDecided, $"broadcast {broadcastId} {channel}", post ? "post" : "don't post", cancellationToken);
        return null;
    }

    private async Task<Bilingual?> OnPublishedAsync(
        long broadcastId, string channel, StaffActor actor, string action, Func<SocialPostRow, MetaAccount, Task> change, CancellationToken cancellationToken)
    {
        var post = (await store.LatestAsync(broadcastId, cancellationToken)).FirstOrDefault(p => p.Channel == channel && p.Status == SocialStatus.Published);
        if (post?.PostId is null)
        {
            return NotPublished;
        }

        if (await connections.CurrentAsync(cancellationToken) is not { Usable: true } account)
        {
            return SocialChannelChecks.NotConnected;
        }

        try
        {
            await change(post, account);
        }
        catch (GraphApiException ex)
        {
            if (ex.IsTokenInvalid)
            {
                await connections.MarkDisconnectedAsync(ex.Display, cancellationToken);
            }

            return MetaProblems.Explain(ex);
        }
        catch (GraphUnansweredException)
        {
            return MetaProblems.Unanswered;
        }

        await audit.WriteAsync(actor, action, $"broadcast {broadcastId} {channel}", post.PostId, cancellationToken);
        return null;
    }
}
