using System.Globalization;

namespace OutreachBot.Analytics.Insight;

/// <summary>
/// The name every multicast of a broadcast carries in <c>customAggregationUnits</c>, so that LINE counts its readers
/// together: one per broadcast (every run of a cron broadcast alike), well inside LINE's 1,000 new names a month.
/// </summary>
public static class AggregationUnits
{
    public static string Of(long broadcastId) => "broadcast_" + broadcastId.ToString(CultureInfo.InvariantCulture);
}
