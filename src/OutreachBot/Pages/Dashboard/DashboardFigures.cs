using Dapper;
using Microsoft.Extensions.Options;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Dashboard;

/// <summary>Followers now and follows / unfollows since the start of today and of this month, days in <c>Bot:TimeZone</c>.</summary>
public sealed class DashboardFigures(Database database, IOptions<BotOptions> bot, TimeProvider time)
{
    public async Task<FollowerFigures> FollowersAsync(CancellationToken cancellationToken)
    {
        var zone = bot.Value.Zone;
        var local = TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone);
        var today = Start(local.Date, zone);
        var month = Start(new DateTime(local.Year, local.Month, 1), zone);
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync<FollowerFigures>(new CommandDefinition(
            """
            SELECT (SELECT COUNT(*) FROM citizens WHERE following) AS FollowersNow,
                   (SELECT COUNT(*) FROM follow_periods WHERE started_at >= @Today) AS FollowsToday,
                   (SELECT COUNT(*) FROM follow_periods WHERE ended_at >= @Today) AS UnfollowsToday,
                   (SELECT COUNT(*) FROM follow_periods WHERE started_at >= @Month) AS FollowsThisMonth,
                   (SELECT COUNT(*) FROM follow_periods WHERE ended_at >= @Month) AS UnfollowsThisMonth
            """,
            new { Today = today, Month = month },
            cancellationToken: cancellationToken));
    }

    private static DateTimeOffset Start(DateTime localMidnight, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(localMidnight, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }
}

/// <summary>A follow is a follow period starting (a first follow, a re-follow, an unblock); an unfollow one ending (unfollow or block).</summary>
public sealed record FollowerFigures
{
    public long FollowersNow { get; init; }

    public long FollowsToday { get; init; }

    public long UnfollowsToday { get; init; }

    public long FollowsThisMonth { get; init; }

    public long UnfollowsThisMonth { get; init; }
}
