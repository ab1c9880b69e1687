using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace OutreachBot.Analytics.Clicks;

/// <summary>
/// The clicks on a broadcast's links. A click counts one more click for the day (<c>Bot:TimeZone</c>), and one more unique click the first
/// time that day a visitor comes, a visitor being the hash of the day's random salt, the client address and its
/// user agent. Neither is stored; the salt and the day's hashes are deleted once the day has passed.
/// </summary>
public sealed class ClickCounts(Database database, IOptions<BotOptions> bot, TimeProvider time)
{
    public async Task RecordAsync(ClickLink link, string? address, string? userAgent, CancellationToken cancellationToken)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), bot.Value.Zone).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var salt = await SaltAsync(day, cancellationToken);
        var visitor = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{salt}\n{address}\n{userAgent}")));
        var first = await database.ExecuteAsync(
            "INSERT INTO click_visitors (link_id, day, visitor) VALUES (@LinkId, @Day, @Visitor) ON CONFLICT DO NOTHING",
            new { LinkId = link.Id, Day = day, Visitor = visitor },
            cancellationToken);
        await database.ExecuteAsync(
            """
            INSERT INTO click_days (link_id, day, clicks, unique_clicks) VALUES (@LinkId, @Day, 1, @First)
            ON CONFLICT (link_id, day) DO UPDATE SET clicks = click_days.clicks + 1, unique_clicks = click_days.unique_clicks + @First
            """,
            new { LinkId = link.Id, Day = day, First = (long)first },
            cancellationToken);
    }

    /// <summary>A broadcast's clicks per channel and link, added up over the days (a visitor counts once a day).</summary>
    public Task<IReadOnlyList<LinkClicks>> ForAsync(long broadcastId, CancellationToken cancellationToken) =>
        database.QueryAsync<LinkClicks>(
            """
            SELECT l.channel, l.url, COALESCE(SUM(d.clicks), 0) AS Clicks, COALESCE(SUM(d.unique_clicks), 0) AS UniqueClicks
            FROM click_links l LEFT JOIN click_days d ON d.link_id = l.id
            WHERE l.broadcast_id = @BroadcastId GROUP BY l.channel, l.url ORDER BY l.channel, l.url
            """,
            new { BroadcastId = broadcastId },
            cancellationToken);

    private async Task<string> SaltAsync(string day, CancellationToken cancellationToken)
    {
        if (await database.ExecuteScalarAsync<string>("SELECT salt FROM click_salts WHERE day = @Day", new { Day = day }, cancellationToken) is { } salt)
        {
            return salt;
        }

        await database.ExecuteAsync("DELETE FROM click_visitors WHERE day < @Day", new { Day = day }, cancellationToken);
        await database.ExecuteAsync("DELETE FROM click_salts WHERE day < @Day", new { Day = day }, cancellationToken);
        await database.ExecuteAsync(
            "INSERT INTO click_salts (day, salt) VALUES (@Day, @Salt) ON CONFLICT (day) DO NOTHING",
            new { Day = day, Salt = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)) },
            cancellationToken);
        return (await database.ExecuteScalarAsync<string>("SELECT salt FROM click_salts WHERE day = @Day", new { Day = day }, cancellationToken))!;
    }
}

/// <summary>One link of a broadcast on one channel: clicks, and unique clicks (visitors a day, added up).</summary>
public sealed record LinkClicks
{
    public required string Channel { get; init; }

    public required string Url { get; init; }

    public long Clicks { get; init; }

    public long UniqueClicks { get; init; }
}
