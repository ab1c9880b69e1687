using System.Globalization;

namespace OutreachBot.Line.Messaging;

public sealed partial class LineMessagingClient
{
    /// <summary>
    /// The figures of the messages sent with <paramref name="unit"/> from <paramref name="from"/> to
    /// <paramref name="to"/> (days in UTC+9, at most 30 days apart). LINE allows few of these an hour: the caller paces them.
    /// </summary>
    public async Task<LineResponse<StatisticsPerUnit>> GetStatisticsPerUnitAsync(
        string unit, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        if (!LineLimits.IsAggregationUnit(unit))
        {
            throw new ArgumentException($"Not an aggregation unit: '{unit}'.", nameof(unit));
        }

        var path = $"/v2/bot/insight/message/event/aggregation?customAggregationUnit={unit}&from={Day(from)}&to={Day(to)}";
        return await GetAsync("statistics per unit", Api(path), LineJsonContext.Default.StatisticsPerUnit, cancellationToken);
    }

    private static string Day(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
