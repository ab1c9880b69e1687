using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace OutreachBot.Subscriptions;

/// <summary><c>GET /api/v1/stats/subscribers?from=&amp;to=</c>: subscribers per topic per day and channel (<c>line</c>, <c>mail</c>), days in <c>Bot:TimeZone</c>.</summary>
public static class StatsApi
{
    public static RouteGroupBuilder MapStatsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/stats/subscribers", GetSubscribersAsync)
            .WithTags("Stats")
            .WithSummary("Subscribers per topic and channel (line, mail) at the end of each day (default: the last 30 days).");
        return api;
    }

    private static async Task<Results<Ok<SubscriberStatsView>, ValidationProblem>> GetSubscribersAsync(
        DateOnly? from, DateOnly? to, SubscriberStats stats, IOptions<BotOptions> bot, TimeProvider time, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), bot.Value.Zone).DateTime);
        var last = to ?? today;
        var first = from ?? last.AddDays(-29);
        if (last < first || last.DayNumber - first.DayNumber >= SubscriberStats.MaxDays)
        {
            return StaffProblems.Invalid(new Dictionary<string, Bilingual[]>
            {
                ["to"] = [new($"from ≤ to、期間は{SubscriberStats.MaxDays}日以内にしてください。", $"from must not be after to, and the range at most {SubscriberStats.MaxDays} days.")],
            });
        }

        var rows = await stats.PerTopicPerDayAsync(first, last, cancellationToken);
        return TypedResults.Ok(new SubscriberStatsView(bot.Value.TimeZone, first, last, rows));
    }
}

public sealed record SubscriberStatsView(string TimeZone, DateOnly From, DateOnly To, IReadOnlyList<DailySubscribers> Rows);
