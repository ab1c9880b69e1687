using Dapper;
using Microsoft.Extensions.Options;

namespace OutreachBot.Subscriptions;

/// <summary>
/// Subscribers per topic per day and channel, the figure a city's civic-collaboration plan reports: on each day (in
/// <c>Bot:TimeZone</c>), how many citizens followed the topic at the end of that day while following the account (LINE),
/// and how many confirmed e-mail subscribers had the topic's period open then (e-mail).
/// </summary>
public sealed class SubscriberStats(Database database, IOptions<BotOptions> bot)
{
    public const int MaxDays = 731;

    public async Task<IReadOnlyList<DailySubscribers>> PerTopicPerDayAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        if (to < from || to.DayNumber - from.DayNumber >= MaxDays)
        {
            throw new ArgumentOutOfRangeException(nameof(to), $"The range must run forwards and span at most {MaxDays} days.");
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var result = new List<DailySubscribers>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var endOfDay = EndOfDayUtc(day);
            var counts = await connection.QueryAsync<(string Slug, long Count)>(new CommandDefinition(
                """
                SELECT t.slug, COUNT(s.id)
                FROM topics t
                LEFT JOIN subscriptions s ON s.topic_id = t.id AND s.started_at < @At AND (s.ended_at IS NULL OR s.ended_at >= @At)
                    AND EXISTS (SELECT 1 FROM follow_periods f WHERE f.user_id = s.user_id
                                AND f.started_at < @At AND (f.ended_at IS NULL OR f.ended_at >= @At))
                WHERE t.created_at < @At
                GROUP BY t.slug, t.sort_order
                ORDER BY t.sort_order, t.slug
                """,
                new { At = endOfDay },
                cancellationToken: cancellationToken));
            result.AddRange(counts.Select(c => new DailySubscribers(day, c.Slug, c.Count)));
            var mail = await connection.QueryAsync<(string Slug, long Count)>(new CommandDefinition(
                """
                SELECT t.slug, COUNT(p.id)
                FROM topics t
                LEFT JOIN mail_subscriptions p ON p.topic_id = t.id AND p.started_at < @At AND (p.ended_at IS NULL OR p.ended_at >= @At)
                WHERE t.created_at < @At
                GROUP BY t.slug, t.sort_order
                ORDER BY t.sort_order, t.slug
                """,
                new { At = endOfDay },
                cancellationToken: cancellationToken));
            result.AddRange(mail.Select(c => new DailySubscribers(day, c.Slug, c.Count, SubscriberChannels.Mail)));
        }

        return result;
    }

    private DateTimeOffset EndOfDayUtc(DateOnly day)
    {
        var midnightAfter = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnightAfter, bot.Value.Zone.GetUtcOffset(midnightAfter));
    }
}

/// <param name="Channel">Where they subscribed: <see cref="SubscriberChannels.Line"/> or <see cref="SubscriberChannels.Mail"/>.</param>
public sealed record DailySubscribers(DateOnly Day, string Topic, long Subscribers, string Channel = SubscriberChannels.Line);

/// <summary>The <c>channel</c> values of subscriber counts.</summary>
public static class SubscriberChannels
{
    public const string Line = "line";
    public const string Mail = "mail";

    public static IReadOnlyList<string> All { get; } = [Line, Mail];
}
