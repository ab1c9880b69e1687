using OutreachBot.Broadcasts;

namespace OutreachBot.Meta;

/// <summary>What the Facebook and Instagram channels need of a broadcast, checked when it is saved; errors keyed <c>channels</c>.</summary>
public static class SocialChannelChecks
{
    public static readonly Bilingual NotConnected = new(
        "Facebook・Instagram が接続されていません。管理者が「Facebook・Instagram」の設定で接続してください。",
        "Facebook and Instagram are not connected: an admin connects them under Facebook and Instagram.");

    public static readonly Bilingual NoInstagramAccount = new(
        "Instagram アカウントが接続されていません。", "No Instagram account is connected.");

    public static readonly Bilingual InstagramNeedsImage = new(
        "Instagram には画像が必要です。日本語のメッセージに画像（JPEG）か画像つきのイベントカードを入れてください。",
        "Instagram needs an image: add an image (JPEG) or an event card with an image to the Japanese messages.");

    public static void Check(IReadOnlyList<BroadcastChannel> channels, string messagesJson, TimeZoneInfo zone, MetaAccount? account, Dictionary<string, Bilingual[]> errors)
    {
        ArgumentNullException.ThrowIfNull(channels);
        var facebook = channels.Contains(BroadcastChannel.Facebook);
        var instagram = channels.Contains(BroadcastChannel.Instagram);
        if (!facebook && !instagram)
        {
            return;
        }

        var problems = new List<Bilingual>();
        if (account is null)
        {
            problems.Add(NotConnected);
        }
        else if (instagram && !account.HasInstagram)
        {
            problems.Add(NoInstagramAccount);
        }

        var post = SocialPost.From(messagesJson, zone);
        if (instagram && post.ImageUrl is null)
        {
            problems.Add(InstagramNeedsImage);
        }

        if (instagram && InstagramCaption.Problem(post.Text) is { } caption)
        {
            problems.Add(caption);
        }

        if (problems.Count > 0)
        {
            errors["channels"] = [.. errors.GetValueOrDefault("channels") ?? [], .. problems];
        }
    }
}
