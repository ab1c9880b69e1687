namespace OutreachBot.Analytics.Insight;

/// <summary>One day of a broadcast's figures from LINE; null where LINE hid one under 20.</summary>
/// <param name="Impressions">How often its first message was shown: each reading of the broadcast shows that one.</param>
/// <param name="Clicks">Opens of its links, added up over the links LINE shows (null when it hides them all).</param>
public sealed record DayFigures(long? Impressions, long? UniqueImpressions, long? Clicks, long? UniqueClicks, long? MediaPlayed)
{
    public static DayFigures From(StatisticsPerUnit statistics) => new(
        statistics.Messages.FirstOrDefault(m => m.Seq == 1)?.Impression,
        statistics.Overview.UniqueImpression,
        SumShown(statistics.Clicks.Select(c => c.Click)),
        statistics.Overview.UniqueClick,
        SumShown(statistics.Messages.Select(m => m.MediaPlayed)));

    private static long? SumShown(IEnumerable<long?> values)
    {
        var shown = values.Where(v => v is not null).ToList();
        return shown.Count == 0 ? null : shown.Sum();
    }
}
