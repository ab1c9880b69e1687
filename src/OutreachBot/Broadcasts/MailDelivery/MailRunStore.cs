using Dapper;
using OutreachBot.Storage;

namespace OutreachBot.Broadcasts.MailDelivery;

/// <summary>A run's mails counted by what became of them, with the first refusals and the servers' replies.</summary>
public sealed record MailRunSummary(long Targeted, long Accepted, long Failed, long Pending, long Skipped, long Cancelled, IReadOnlyList<MailFailure> Failures);

public sealed record MailFailure
{
    /// <summary>The refused address; null once the subscriber left and their address was erased.</summary>
    public string? Address { get; init; }

    public string? Reply { get; init; }

    public int Attempts { get; init; }
}

public sealed class MailRunStore(Database database)
{
    public const int FailuresShown = 50;

    public async Task<MailRunSummary> SummaryAsync(long runId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var counts = (await connection.QueryAsync<(string State, long Count)>(new CommandDefinition(
            "SELECT state, COUNT(*) FROM mail_deliveries WHERE run_id = @RunId GROUP BY state", new { RunId = runId }, cancellationToken: cancellationToken)))
            .ToDictionary(c => c.State, c => c.Count, StringComparer.Ordinal);
        var failures = counts.GetValueOrDefault("failed") == 0
            ? []
            : (await connection.QueryAsync<MailFailure>(new CommandDefinition(
                """
                SELECT m.address, d.reply, d.attempts FROM mail_deliveries d JOIN mail_subscribers m ON m.id = d.subscriber_id
                WHERE d.run_id = @RunId AND d.state = 'failed' ORDER BY d.id LIMIT @Limit
                """,
                new { RunId = runId, Limit = FailuresShown },
                cancellationToken: cancellationToken))).ToList();
        return new MailRunSummary(
            counts.Values.Sum(), counts.GetValueOrDefault("sent"), counts.GetValueOrDefault("failed"), counts.GetValueOrDefault("pending"),
            counts.GetValueOrDefault("skipped"), counts.GetValueOrDefault("cancelled"), failures);
    }
}
