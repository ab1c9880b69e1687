using Dapper;
using OutreachBot.Storage;

namespace OutreachBot.Mail.Bounces;

/// <summary>
/// The delivery reports already counted, by key: whichever reader (two instances may poll the same mailbox) claims a
/// report first counts it, and a report read again (not yet deleted when a reader stopped) counts nothing.
/// </summary>
public sealed class BounceReports(Database database)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromDays(180);

    /// <summary>True when this call claimed the report; false when it was counted before.</summary>
    public async Task<bool> ClaimAsync(string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO mail_bounce_reports (report_key, counted_at) VALUES (@Key, @Now)
            ON CONFLICT (report_key) DO NOTHING
            """,
            new { Key = key, Now = now },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Forgets reports long since deleted from the mailbox.</summary>
    public async Task PruneAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM mail_bounce_reports WHERE counted_at < @Before",
            new { Before = now - KeptFor },
            cancellationToken: cancellationToken));
    }
}
