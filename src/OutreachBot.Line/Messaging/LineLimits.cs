namespace OutreachBot.Line.Messaging;

/// <summary>
/// Limits LINE documents for the Messaging API (messaging-api.yml and the reference pages). Lengths are UTF-16 code
/// units, as LINE counts them. The emulator enforces the same numbers.
/// </summary>
public static class LineLimits
{
    public const int TextLength = 5000;
    public const int AltTextLength = 1500;
    public const int MessagesPerRequest = 5;
    public const int MulticastRecipients = 500;
    public const int RichMenuBulkUsers = 500;
    public const int RichMenuBatchOperations = 1000;
    public const int QuickReplyItems = 13;
    public const int CarouselBubbles = 12;
    public const int BubbleJsonBytes = 30 * 1024;
    public const int CarouselJsonBytes = 50 * 1024;

    /// <summary>Quick reply, template and rich menu action labels.</summary>
    public const int ActionLabel = 20;
    public const int FlexButtonLabel = 40;
    public const int ImageCarouselLabel = 12;
    public const int PostbackData = 300;
    public const int PostbackDisplayText = 300;
    public const int MessageActionText = 300;
    public const int UriLength = 1000;
    public const int SenderName = 20;

    public const int ButtonsTemplateActions = 4;
    public const int TemplateTitle = 40;
    public const int ButtonsTemplateText = 160;
    public const int ButtonsTemplateTextWithTitleOrImage = 60;
    public const int ConfirmTemplateText = 240;
    public const int ConfirmTemplateActions = 2;
    public const int CarouselTemplateColumns = 10;
    public const int CarouselColumnActions = 3;
    public const int CarouselColumnText = 120;
    public const int CarouselColumnTextWithTitleOrImage = 60;
    public const int ImagemapActions = 50;

    public const int RequestBodyBytes = 2 * 1024 * 1024;

    public const int RichMenuName = 300;
    public const int RichMenuChatBarText = 14;
    public const int RichMenuAreas = 20;
    public const int RichMenuImageBytes = 1024 * 1024;
    public const int RichMenuImageMinWidth = 800;
    public const int RichMenuImageMaxWidth = 2500;
    public const int RichMenuImageMinHeight = 250;
    public const double RichMenuImageMinAspectRatio = 1.45;
    public const int RichMenuAliasIdLength = 32;

    public const int LoadingSecondsMin = 5;
    public const int LoadingSecondsMax = 60;
    public const int LoadingSecondsStep = 5;

    public const int FollowerIdsPageMax = 1000;

    /// <summary><c>customAggregationUnits</c>: <c>^[a-zA-Z0-9_]{1,30}$</c>, one a request.</summary>
    public const int AggregationUnitLength = 30;

    /// <summary>Figures of the statistics endpoints below this are answered as null.</summary>
    public const int InsightPrivacyThreshold = 20;

    /// <summary>How long LINE remembers an <c>X-Line-Retry-Key</c>.</summary>
    public static readonly TimeSpan RetryKeyLifetime = TimeSpan.FromHours(24);

    public static bool FitsText(string text) => text.Length <= TextLength;

    public static bool IsAggregationUnit(string unit) =>
        unit.Length is > 0 and <= AggregationUnitLength && unit.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    public static bool IsValidLoadingSeconds(int seconds) =>
        seconds is >= LoadingSecondsMin and <= LoadingSecondsMax && seconds % LoadingSecondsStep == 0;

    /// <summary>Cuts <paramref name="text"/> to at most <paramref name="max"/> UTF-16 units without splitting a surrogate pair, ending with "…" when cut.</summary>
    public static string Truncate(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut), "…");
    }
}
