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

    /// <summary>Facebook's own ceiling on a post's text; Instagram's caption is checked against its tighter limits.</summary>
    public const int MaxTextLength = 63206;

    /// <summary>
    /// Only Facebook and Instagram: no message reaches a phone, so quiet hours refuse no time (a post staff ticked to
    /// hold waits for their end instead).
    /// </summary>
    public static bool OnlySocial(IReadOnlyList<BroadcastChannel>? channels) =>
        channels is { Count: > 0 } && channels.All(c => c is BroadcastChannel.Facebook or BroadcastChannel.Instagram);

    /// <summary>The <c>social</c> field read: a blank text is no text (the built one is posted), languages must be supported. Errors keyed <c>social.*</c>.</summary>
    public static SocialChoices Choices(Broadcasts.Authoring.SocialInput? input, Dictionary<string, Bilingual[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (input is null)
        {
            return SocialChoices.Default;
        }

        var text = string.IsNullOrWhiteSpace(input.Text) ? null : input.Text.ReplaceLineEndings("\n").Trim();
        if (text?.Length > MaxTextLength)
        {
            errors["social.text"] = [new($"投稿の本文は{MaxTextLength:N0}文字までです。", $"A post's text is at most {MaxTextLength:N0} characters.")];
        }

        var languages = (input.Languages ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (languages.Any(l => l == Languages.Japanese || !Languages.IsSupported(l)))
        {
            errors["social.languages"] = [new("日本語以外の対応言語を指定してください。", "Give supported languages other than Japanese.")];
        }

        return new SocialChoices(text, languages, input.HoldInQuietHours ?? false);
    }

    public static void Check(IReadOnlyList<BroadcastChannel> channels, string messagesJson, TimeZoneInfo zone, SocialChoices choices, MetaAccount? account, Dictionary<string, Bilingual[]> errors)
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

        var post = SocialPost.From(messagesJson, zone, choices);
        if (instagram && post.ImageUrl is null)
        {
            problems.Add(InstagramNeedsImage);
        }

        if (instagram && InstagramCaption.Problem(post.Text) is { } caption)
        {
            // Beside the text staff typed, else beside the channels (the text was built from the messages).
            if (choices.Text is null)
            {
                problems.Add(caption);
            }
            else
            {
                errors["social.text"] = [.. errors.GetValueOrDefault("social.text") ?? [], caption];
            }
        }

        if (problems.Count > 0)
        {
            errors["channels"] = [.. errors.GetValueOrDefault("channels") ?? [], .. problems];
        }
    }
}
