namespace OutreachBot.PublicSite.News;

/// <summary>A broadcast's opening words, for the news list and the feeds' summaries.</summary>
public static class NewsSummary
{
    public const int ListLength = 120;

    public const int FeedLength = 300;

    /// <summary>The text of the messages, spaces folded, cut at <paramref name="length"/> characters with an ellipsis.</summary>
    public static string Of(IReadOnlyList<NewsBlock> blocks, int length)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var text = string.Join(' ', blocks.Select(b => b switch
        {
            TextBlock t => t.Text,
            AltTextBlock a => a.Text,
            EventCardBlock e => e.Card.Title,
            _ => null,
        }).Where(t => !string.IsNullOrWhiteSpace(t)));
        var folded = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var elements = System.Globalization.StringInfo.GetTextElementEnumerator(folded);
        var cut = new System.Text.StringBuilder();
        var count = 0;
        while (elements.MoveNext())
        {
            if (++count > length)
            {
                return cut.Append('…').ToString();
            }

            cut.Append(elements.GetTextElement());
        }

        return cut.ToString();
    }
}
