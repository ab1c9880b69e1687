namespace OutreachBot.Analytics.Insight;

/// <summary>
/// One day of a broadcast's figures from LINE as the API and console show them: a figure LINE hid (under 20) is null
/// and named in <see cref="FewerThan20"/>, shown as 「20未満」, never as 0.
/// </summary>
public sealed record InsightDay
{
    public required string Day { get; init; }

    public long? Impressions { get; init; }

    public long? UniqueImpressions { get; init; }

    public long? Clicks { get; init; }

    public long? UniqueClicks { get; init; }

    public long? MediaPlayed { get; init; }

    public DateTimeOffset ReadAt { get; init; }

    public IReadOnlyList<string> FewerThan20 =>
    [
        .. new (string Name, long? Value)[]
        {
            ("impressions", Impressions), ("uniqueImpressions", UniqueImpressions), ("clicks", Clicks),
            ("uniqueClicks", UniqueClicks), ("mediaPlayed", MediaPlayed),
        }.Where(f => f.Value is null).Select(f => f.Name),
    ];
}
