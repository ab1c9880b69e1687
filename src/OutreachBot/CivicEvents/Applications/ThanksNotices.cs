using Dapper;
using Microsoft.Extensions.Options;
using OutreachBot.Storage;

namespace OutreachBot.CivicEvents.Applications;

/// <summary>
/// The thanks owed the day after an event, written into the applicants' notice ledger (<c>event_notices</c>) so the
/// notice sender delivers it like every other notice: once, within the quota, after quiet hours. It goes to every LINE
/// applicant whose seat was confirmed; once the door marked anyone at the event attended, only to those who attended.
/// </summary>
public sealed class ThanksNotices(Database database, IOptions<BotOptions> bot)
{
    public const string Kind = "thanks";

    /// <summary>Events that ended longer ago than this are not thanked any more (a bot that was down for a week, say).</summary>
    private static readonly TimeSpan LookBack = TimeSpan.FromDays(7);

    /// <summary>
    /// Writes the thanks of events that ended before today began in <c>Bot:TimeZone</c>; a unique index keeps it to one
    /// per applicant and event however often this runs. Returns how many were written now.
    /// </summary>
    public async Task<int> WriteDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var zone = bot.Value.Zone;
        var today = TimeZoneInfo.ConvertTime(now, zone).Date;
        var startOfToday = new DateTimeOffset(today, zone.GetUtcOffset(today));
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO event_notices (event_id, user_id, kind, number, urgent, due_at)
            SELECT a.event_id, a.user_id, @Kind, a.number, @Urgent, @Now
            FROM event_applications a JOIN civic_events e ON e.id = a.event_id
            WHERE a.status = 'confirmed' AND a.user_id IS NOT NULL AND NOT e.cancelled
              AND COALESCE(e.ends_at, e.starts_at) >= @Since AND COALESCE(e.ends_at, e.starts_at) < @StartOfToday
              AND (a.attended_at IS NOT NULL
                   OR NOT EXISTS (SELECT 1 FROM event_applications d WHERE d.event_id = a.event_id AND d.attended_at IS NOT NULL))
              AND NOT EXISTS (SELECT 1 FROM event_notices n WHERE n.event_id = a.event_id AND n.user_id = a.user_id AND n.kind = @Kind)
            ON CONFLICT DO NOTHING
            """,
            new { Kind, Urgent = false, Now = now, Since = startOfToday - LookBack, StartOfToday = startOfToday },
            cancellationToken: cancellationToken));
    }
}
