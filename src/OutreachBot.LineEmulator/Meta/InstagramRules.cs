using System.Text.RegularExpressions;

namespace OutreachBot.LineEmulator.Meta;

/// <summary>What Instagram's content publishing accepts: its documented caption limits and JPEG images only.</summary>
public static partial class InstagramRules
{
    public const int MaxCaptionLength = 2200;
    public const int MaxHashtags = 30;
    public const int MaxMentions = 20;

    /// <summary>Why the caption is refused, or null when it is accepted.</summary>
    public static string? CaptionProblem(string caption)
    {
        ArgumentNullException.ThrowIfNull(caption);
        if (caption.Length > MaxCaptionLength)
        {
            return $"The caption is {caption.Length} characters; at most {MaxCaptionLength} are allowed.";
        }

        var hashtags = Hashtag().Count(caption);
        if (hashtags > MaxHashtags)
        {
            return $"The caption has {hashtags} hashtags; at most {MaxHashtags} are allowed.";
        }

        var mentions = Mention().Count(caption);
        return mentions > MaxMentions ? $"The caption has {mentions} @mentions; at most {MaxMentions} are allowed." : null;
    }

    /// <summary>A JPEG starts with the SOI marker followed by another marker.</summary>
    public static bool IsJpeg(ReadOnlySpan<byte> image) => image is [0xFF, 0xD8, 0xFF, ..];

    [GeneratedRegex(@"#\w+", RegexOptions.CultureInvariant)]
    private static partial Regex Hashtag();

    [GeneratedRegex(@"(?<![\w.])@[\w.]+", RegexOptions.CultureInvariant)]
    private static partial Regex Mention();
}
