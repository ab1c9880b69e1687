using Dapper;
using OutreachBot.Storage;

namespace OutreachBot.Mail;

/// <summary>
/// Stops mailing an address that keeps refusing: a permanent failure (an SMTP 5xx, or a bounce read later) adds one to
/// its streak, a delivered mail clears it, and the third in a row suppresses the subscriber until they subscribe again.
/// </summary>
public sealed class MailSuppression(Database database)
{
    public const int FailuresInARow = 3;

    /// <summary>Records a permanent failure for the subscriber with this address (any case); true when it is now suppressed.</summary>
    public async Task<bool> RecordPermanentFailureAsync(string address, string reply, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var status = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            """
            UPDATE mail_subscribers
            SET consecutive_failures = consecutive_failures + 1, last_failure = @Reply, last_failure_at = @Now, updated_at = @Now,
                status = CASE WHEN consecutive_failures + 1 >= @Limit AND status = 'confirmed' THEN 'suppressed' ELSE status END
            WHERE address_key = @Key
            RETURNING status
            """,
            new { Key = AddressKey(address), Reply = Truncate(reply), Now = now, Limit = FailuresInARow },
            cancellationToken: cancellationToken));
        return status == "suppressed";
    }

    /// <summary>Clears the failure streak of subscribers whose mail was accepted.</summary>
    public async Task RecordDeliveredAsync(IReadOnlyCollection<long> subscriberIds, CancellationToken cancellationToken)
    {
        if (subscriberIds.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE mail_subscribers SET consecutive_failures = 0 WHERE consecutive_failures > 0 AND id {database.Dialect.In("@Ids")}",
            new { Ids = subscriberIds.ToList() },
            cancellationToken: cancellationToken));
    }

    /// <summary>How addresses are compared: the whole address lower-cased (providers treat the local part case-insensitively in practice).</summary>
    public static string AddressKey(string address) => address.Trim().ToLowerInvariant();

    private static string Truncate(string reply) => reply.Length <= 500 ? reply : reply[..500];
}
