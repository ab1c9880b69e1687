using System.ComponentModel.DataAnnotations;

namespace OutreachBot.Analytics;

/// <summary>How the bot reads LINE's figures of its broadcasts and counts the clicks on their links.</summary>
public sealed class AnalyticsOptions
{
    public const string Section = "Analytics";

    /// <summary>
    /// Reads of LINE's statistics per unit an hour, spaced evenly. 60: the hourly ceiling LINE's rate table gives its
    /// hourly endpoints; the bot stays under it however many broadcasts there are (a round then takes longer).
    /// </summary>
    [Range(1, 1_000_000)]
    public int InsightReadsPerHour { get; set; } = 60;

    /// <summary>Broadcasts sent this many days before a day have that day's figures read.</summary>
    [Range(1, 30)]
    public int InsightDays { get; set; } = 14;

    /// <summary>How often the figures of the day before are read (once a day; at start too).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan InsightInterval { get; set; } = TimeSpan.FromDays(1);
}
