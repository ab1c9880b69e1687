using Dapper;
using OutreachBot.Storage;

namespace OutreachBot.CivicEvents.Applications;

/// <summary>A notice owed to an applicant, with what the message needs: a push to a LINE user, or a mail to a web applicant.</summary>
public sealed record DueNotice
{
    public long Id { get; init; }

    public long EventId { get; init; }

    /// <summary>The LINE applicant's; null for a web applicant.</summary>
    public string? UserId { get; init; }

    /// <summary>The web applicant's request; null for a LINE applicant.</summary>
    public long? WebRequestId { get; init; }

    /// <summary>The web applicant's address; null once erased.</summary>
    public string? Address { get; init; }

    public string Kind { get; init; } = "";

    public long? Number { get; init; }

    public bool Urgent { get; init; }

    /// <summary>The citizen's language in LINE, or the one the web applicant applied in.</summary>
    public string? Language { get; init; }

    public bool Following { get; init; }
}

/// <summary>
/// The notices owed to applicants (<c>event_notices</c>): written where they become due, claimed one by one with a
/// short lease so that two instances never send the same one, and marked sent or failed.
/// </summary>
public sealed class NoticeLedger(Database database)
{
    public const string Cancelled = "cancelled";
    public const string Moved = "moved";
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    public async Task<IReadOnlyList<DueNotice>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<DueNotice>(new CommandDefinition(
            """
            SELECT n.id, n.event_id AS EventId, n.user_id AS UserId, n.web_request_id AS WebRequestId, w.address, n.kind, n.number, n.urgent,
                   COALESCE(c.language, w.language) AS Language, COALESCE(c.following, FALSE) AS Following
            FROM event_notices n LEFT JOIN citizens c ON c.user_id = n.user_id LEFT JOIN event_web_requests w ON w.id = n.web_request_id
            WHERE n.sent_at IS NULL AND n.failed IS NULL AND n.due_at <= @Now AND (n.claimed_until IS NULL OR n.claimed_until < @Now)
            ORDER BY n.id LIMIT @Limit
            """,
            new { Now = now, Limit = limit },
            cancellationToken: cancellationToken))];
    }

    /// <summary>True when this instance now holds the notice; the conditional update lets exactly one instance win.</summary>
    public async Task<bool> ClaimAsync(long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE event_notices SET claimed_until = @Until
            WHERE id = @Id AND sent_at IS NULL AND failed IS NULL AND (claimed_until IS NULL OR claimed_until < @Now)
            """,
            new { Id = id, Now = now, Until = now + Lease },
            cancellationToken: cancellationToken)) == 1;
    }

    public async Task MarkAsync(long id, DateTimeOffset now, string? failed, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            failed is null ? "UPDATE event_notices SET sent_at = @Now WHERE id = @Id" : "UPDATE event_notices SET failed = @Failed WHERE id = @Id",
            new { Id = id, Now = now, Failed = failed },
            cancellationToken: cancellationToken));
    }

    /// <summary>Lets another attempt take the notice at once (LINE busy); a mail the server put off waits out the lease instead.</summary>
    public async Task ReleaseAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE event_notices SET claimed_until = NULL WHERE id = @Id AND sent_at IS NULL", new { Id = id }, cancellationToken: cancellationToken));
    }
}
