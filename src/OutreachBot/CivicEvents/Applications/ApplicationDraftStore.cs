using System.Text.Json;
using Dapper;
using OutreachBot.Storage;

namespace OutreachBot.CivicEvents.Applications;

/// <summary>A citizen's application while they answer its questions; nothing in it holds a seat.</summary>
/// <param name="Step">The step waiting for an answer (party size, then each question); past the last, the summary.</param>
/// <param name="Answers">Per question, as answered: a choice's index, a number, or the text.</param>
public sealed record ApplicationDraft(string UserId, long EventId, int Step, int PartySize, IReadOnlyList<string?> Answers, DateTimeOffset ExpiresAt);

public sealed class ApplicationDraftStore(Database database)
{
    public async Task SaveAsync(ApplicationDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO application_drafts (user_id, event_id, step, party_size, answers, expires_at)
            VALUES (@UserId, @EventId, @Step, @PartySize, @Answers, @ExpiresAt)
            ON CONFLICT (user_id) DO UPDATE SET event_id = excluded.event_id, step = excluded.step, party_size = excluded.party_size,
                answers = excluded.answers, expires_at = excluded.expires_at
            """,
            new { draft.UserId, draft.EventId, draft.Step, draft.PartySize, Answers = JsonSerializer.Serialize(draft.Answers), draft.ExpiresAt },
            cancellationToken: cancellationToken));
    }

    /// <summary>The citizen's draft for <paramref name="eventId"/>, unless it has expired.</summary>
    public async Task<ApplicationDraft?> FindAsync(string userId, long eventId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            """
            SELECT user_id AS UserId, event_id AS EventId, step, party_size AS PartySize, answers, expires_at AS ExpiresAt
            FROM application_drafts WHERE user_id = @UserId AND event_id = @EventId AND expires_at > @Now
            """,
            new { UserId = userId, EventId = eventId, Now = now },
            cancellationToken: cancellationToken));
        return row is null
            ? null
            : new ApplicationDraft(row.UserId, row.EventId, row.Step, row.PartySize, JsonSerializer.Deserialize<List<string?>>(row.Answers) ?? [], row.ExpiresAt);
    }

    /// <summary>The event of the citizen's draft, unless it has expired.</summary>
    public async Task<long?> EventOfAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            "SELECT event_id FROM application_drafts WHERE user_id = @UserId AND expires_at > @Now",
            new { UserId = userId, Now = now },
            cancellationToken: cancellationToken));
    }

    public async Task DeleteAsync(string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM application_drafts WHERE user_id = @UserId", new { UserId = userId }, cancellationToken: cancellationToken));
    }

    private sealed record Row
    {
        public string UserId { get; init; } = "";

        public long EventId { get; init; }

        public int Step { get; init; }

        public int PartySize { get; init; }

        public string Answers { get; init; } = "[]";

        public DateTimeOffset ExpiresAt { get; init; }
    }
}
