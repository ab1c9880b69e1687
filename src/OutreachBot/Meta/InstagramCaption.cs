using System.Text.RegularExpressions;

namespace OutreachBot.Meta;

/// <summary>Instagram's documented limits on a caption, checked before a post is saved rather than refused at publishing.</summary>
public static partial class InstagramCaption
{
    public const int MaxLength = 2200;
    public const int MaxHashtags = 30;
    public const int MaxMentions = 20;

    public static Bilingual? Problem(string caption)
    {
        ArgumentNullException.ThrowIfNull(caption);
        var hashtags = Hashtag().Count(caption);
        var mentions = Mention().Count(caption);
        return caption.Length > MaxLength
                ? new($"Instagram の本文は{MaxLength}文字までです（いま{caption.Length}文字）。", $"An Instagram caption is at most {MaxLength} characters (now {caption.Length}).")
            : hashtags > MaxHashtags
                ? new($"Instagram のハッシュタグは{MaxHashtags}個までです（いま{hashtags}個）。", $"An Instagram caption has at most {MaxHashtags} hashtags (now {hashtags}).")
            : mentions > MaxMentions
                ? new($"Instagram の @メンションは{MaxMentions}個までです（いま{mentions}個）。", $"An Instagram caption has at most {MaxMentions} @mentions (now {mentions}).")
            : null;
    }

    [GeneratedRegex(@"#\w+", RegexOptions.CultureInvariant)]
    private static partial Regex Hashtag();

    [GeneratedRegex(@"(?<![\w.])@[\w.]+", RegexOptions.CultureInvariant)]
    private static partial Regex Mention();
}
