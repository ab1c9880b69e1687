namespace OutreachBot.Meta;

/// <summary>Meta's refusals in words staff can act on, with Meta's own message beside them.</summary>
public static class MetaProblems
{
    public static readonly Bilingual Unanswered = new(
        "Meta（Facebook）から応答がありませんでした。時間をおいてもう一度お試しください。",
        "Meta (Facebook) did not answer. Try again in a while.");

    public static Bilingual Explain(GraphApiException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var meta = error.Display;
        return error switch
        {
            { IsTokenInvalid: true } => new(
                $"アクセストークンが無効か、期限切れか、取り消されています。Meta のビジネス設定で新しいページアクセストークンを発行してください。（{meta}）",
                $"The access token is invalid, expired or revoked. Issue a new Page access token in Meta's business settings. ({meta})"),
            { Code: 100, Subcode: 33 } => new(
                $"この ID のページまたは Instagram アカウントが見つからないか、このトークンでは読めません。ID とトークンの組み合わせを確かめてください。（{meta}）",
                $"No Page or Instagram account with this id, or this token cannot read it. Check that the id and the token belong together. ({meta})"),
            { Code: 10 or 200 } => new(
                $"トークンに必要な権限がありません（pages_manage_posts, pages_read_engagement, instagram_basic, instagram_content_publish）。（{meta}）",
                $"The token lacks a permission it needs (pages_manage_posts, pages_read_engagement, instagram_basic, instagram_content_publish). ({meta})"),
            { IsThrottling: true } => new(
                $"Meta の呼び出し回数の上限に達しています。しばらく待ってからお試しください。（{meta}）",
                $"Meta's call limit is reached. Wait a while and try again. ({meta})"),
            _ => new($"Meta が受け付けませんでした: {meta}", $"Meta refused: {meta}"),
        };
    }
}
