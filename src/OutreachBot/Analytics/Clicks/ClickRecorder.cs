using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace OutreachBot.Analytics.Clicks;

/// <summary>
/// Counts a click on a link: one more click for the day (<c>Bot:TimeZone</c>), and one more unique click the first
/// time that day a visitor comes, a visitor being the hash of the day's random salt, the client address and its
/// user agent. Neither is stored; the salt and the day's hashes are deleted once the day has passed.
/// </summary>
public sealed class ClickRecorder(Database database, IOptions<BotOptions> bot, TimeProvider time)
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
