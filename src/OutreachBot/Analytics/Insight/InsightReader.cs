using System.Net;
using Microsoft.Extensions.Options;
using OutreachBot.Hosting;

namespace OutreachBot.Analytics.Insight;

/// <summary>
/// Once a day (and at start) reads from LINE the day before's figures of every broadcast sent in the
/// <c>Analytics:InsightDays</c> before it, one request per broadcast, spaced evenly at <c>Analytics:InsightReadsPerHour</c>. A day read
/// after it ended is final; a refusal for the rate (429) ends the round, and the next round asks again.
/// </summary>
public sealed partial class InsightReader(
    InsightStore store,
    IServiceScopeFactory scopes,
    IOptionsMonitor<AnalyticsOptions> options,
    TimeProvider time,
    ILogger<InsightReader> logger) : BackgroundService
{
    private DateTimeOffset _nextRead = DateTimeOffset.MinValue;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicRounds.RunAsync(
            ct => ReadAsync(LineDay.Of(time.GetUtcNow()).AddDays(-1), ct), () => options.CurrentValue.InsightInterval, LogFailed, time, stoppingToken);

    /// <summary>Reads <paramref name="day"/>'s figures of the broadcasts that need them; returns how many were read.</summary>
    public async Task<int> ReadAsync(LineDay day, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var line = scope.ServiceProvider.GetRequiredService<LineMessagingClient>();
        var read = 0;
        foreach (var broadcastId in await store.DueAsync(day, options.CurrentValue.InsightDays, cancellationToken))
        {
            await PaceAsync(cancellationToken);
            try
            {
                var statistics = await line.GetStatisticsPerUnitAsync(AggregationUnits.Of(broadcastId), day.Date, day.Date, cancellationToken);
                await store.SaveAsync(broadcastId, day, DayFigures.From(statistics.Value), time.GetUtcNow(), cancellationToken);
                read++;
            }
            catch (LineApiException ex) when (ex.StatusCode == HttpStatusCode.TooManyRequests)
            {
                LogThrottled(read, ex.RequestId);
                break;
            }
            catch (LineApiException ex)
            {
                LogUnread(broadcastId, (int?)ex.StatusCode, ex.Message, ex.RequestId);
            }
        }

        return read;
    }

    private async Task PaceAsync(CancellationToken cancellationToken)
    {
        var wait = _nextRead - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }

        _nextRead = time.GetUtcNow() + (TimeSpan.FromHours(1) / options.CurrentValue.InsightReadsPerHour);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading the broadcasts' figures from LINE failed")]
    private partial void LogFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LINE refused more statistics reads (429) after {Read}; the next round goes on (x-line-request-id {RequestId})")]
    private partial void LogThrottled(int read, string? requestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LINE gave no figures for broadcast {BroadcastId}: {Status} {Reason} (x-line-request-id {RequestId})")]
    private partial void LogUnread(long broadcastId, int? status, string reason, string? requestId);
}
