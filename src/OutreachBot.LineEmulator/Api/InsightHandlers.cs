using System.Globalization;
using Microsoft.AspNetCore.Http;
using OutreachBot.Line.Messaging;
using OutreachBot.LineEmulator.State;

namespace OutreachBot.LineEmulator.Api;

/// <summary><c>GET /v2/bot/insight/message/event/aggregation</c>: the figures chat pages produced, checked as insight.yml states its parameters.</summary>
internal sealed class InsightHandlers(InsightBook insight)
{
    /// <summary>insight.yml: the end date at most 30 days after the start.</summary>
    private const int MaxPeriodDays = 30;

    public ValueTask<ApiResult> StatisticsPerUnitAsync(ApiCall call)
    {
        var unit = call.Query("customAggregationUnit");
        if (unit is null || !LineLimits.IsAggregationUnit(unit))
        {
            return Invalid("customAggregationUnit", "must match ^[a-zA-Z0-9_]{1,30}$");
        }

        if (Day(call.Query("from")) is not { } from)
        {
            return Invalid("from", "must be a date as yyyyMMdd");
        }

        if (Day(call.Query("to")) is not { } to || to < from || to.DayNumber - from.DayNumber > MaxPeriodDays)
        {
            return Invalid("to", $"must be a date as yyyyMMdd, from the start date to {MaxPeriodDays} days later");
        }

        return ValueTask.FromResult(ApiResult.Raw(insight.Statistics(unit, from, to).ToJsonString()));
    }

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static ValueTask<ApiResult> Invalid(string property, string message) =>
        ValueTask.FromResult(ApiResult.Error(StatusCodes.Status400BadRequest, "The request has 1 error(s)", [new(message, property)]));
}
