using System.Globalization;
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

        var followers = await connection.QueryAsync<(string Day, string Channel, long Followers)>(new CommandDefinition(
            "SELECT day, channel, followers FROM social_followers WHERE day >= @From AND day <= @To ORDER BY day, channel",
            new { From = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), To = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
            cancellationToken: cancellationToken));
        result.AddRange(followers.Select(f => new DailySubscribers(DateOnly.ParseExact(f.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture), null, f.Followers, f.Channel)));
        return result;
    }

    private DateTimeOffset EndOfDayUtc(DateOnly day)
    {
        var midnightAfter = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnightAfter, bot.Value.Zone.GetUtcOffset(midnightAfter));
    }
}

/// <param name="Topic">The topic's slug; null for the Page's and Instagram's followers, which follow the account, not a topic.</param>
/// <param name="Channel">Where they subscribed: <see cref="SubscriberChannels.Line"/>, <see cref="SubscriberChannels.Mail"/>, or followed: <see cref="SubscriberChannels.Facebook"/>, <see cref="SubscriberChannels.Instagram"/>.</param>
public sealed record DailySubscribers(DateOnly Day, string? Topic, long Subscribers, string Channel = SubscriberChannels.Line);

/// <summary>The <c>channel</c> values of subscriber counts.</summary>
public static class SubscriberChannels
{
    public const string Line = "line";
    public const string Mail = "mail";
    public const string Facebook = "facebook";
    public const string Instagram = "instagram";

    /// <summary>Followers of the city's social accounts, counted per day without topics.</summary>
    public static IReadOnlyList<string> Social { get; } = [Facebook, Instagram];

    public static IReadOnlyList<string> All { get; } = [Line, Mail];
}
