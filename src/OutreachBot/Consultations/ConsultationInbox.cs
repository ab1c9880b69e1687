using Dapper;
using OutreachBot.Privacy;

namespace OutreachBot.Consultations;

/// <summary>
/// Citizens' questions as staff work through them: one thread per citizen, open (nobody looks after it), assigned
/// (a staff member does) or done (every question closed). A new question reopens a done thread by itself. The emptied
/// questions of citizens who erased their data are not threads: nobody can be answered there.
/// </summary>
public sealed class ConsultationInbox(Database database)
{
    public const int PageSize = 100;

    public async Task<IReadOnlyList<ThreadSummary>> ListAsync(ThreadFilter filter, CancellationToken cancellationToken)
    {
        var having = filter switch
        {
            ThreadFilter.Open => "SUM(CASE WHEN c.status <> 'closed' THEN 1 ELSE 0 END) > 0 AND th.assigned_to IS NULL",
            ThreadFilter.Assigned => "SUM(CASE WHEN c.status <> 'closed' THEN 1 ELSE 0 END) > 0 AND th.assigned_to IS NOT NULL",
            ThreadFilter.Done => "SUM(CASE WHEN c.status <> 'closed' THEN 1 ELSE 0 END) = 0",
            _ => "1 = 1",
        };
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ThreadSummary>(new CommandDefinition(
            $"""
            SELECT c.user_id AS UserId, z.display_name AS DisplayName, z.language AS Language, th.assigned_to AS AssignedTo,
                   COUNT(*) AS Questions, SUM(CASE WHEN c.status <> 'closed' THEN 1 ELSE 0 END) AS NotDone,
                   MAX(c.received_at) AS LastAt,
                   (SELECT x.text FROM consultations x WHERE x.user_id = c.user_id ORDER BY x.received_at DESC, x.id DESC LIMIT 1) AS LastText
            FROM consultations c
            JOIN citizens z ON z.user_id = c.user_id
            LEFT JOIN consultation_threads th ON th.user_id = c.user_id
            WHERE c.user_id NOT LIKE @Erased
            GROUP BY c.user_id, z.display_name, z.language, th.assigned_to
            HAVING {having}
            ORDER BY MAX(c.received_at) DESC, c.user_id
            LIMIT @Limit
            """,
            new { Limit = PageSize, Erased = PersonalDataEraser.AnonymousPrefix + "%" },
            cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>The citizen's questions and staff's replies, oldest first; null when the citizen never asked anything.</summary>
    public async Task<ConsultationThread?> FindAsync(string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var questions = (await connection.QueryAsync<Consultation>(new CommandDefinition(
            """
            SELECT id, user_id AS UserId, language, text, received_at AS ReceivedAt, status, answer, answered_at AS AnsweredAt
            FROM consultations WHERE user_id = @UserId ORDER BY received_at, id
            """,
            new { UserId = userId },
            cancellationToken: cancellationToken))).ToList();
        if (questions.Count == 0)
        {
            return null;
        }

        var head = await connection.QuerySingleAsync<(string? DisplayName, string Language, string? AssignedTo)>(new CommandDefinition(
            """
            SELECT z.display_name, z.language, th.assigned_to
            FROM citizens z LEFT JOIN consultation_threads th ON th.user_id = z.user_id
            WHERE z.user_id = @UserId
            """,
            new { UserId = userId },
            cancellationToken: cancellationToken));
        var replies = await connection.QueryAsync<StaffReply>(new CommandDefinition(
            """
            SELECT id, consultation_id AS ConsultationId, sent_by AS SentBy, text, sent_at AS SentAt
            FROM consultation_replies WHERE user_id = @UserId ORDER BY sent_at, id
            """,
            new { UserId = userId },
            cancellationToken: cancellationToken));
        return new ConsultationThread(userId, head.DisplayName, head.Language, head.AssignedTo, questions, [.. replies]);
    }

    /// <summary>Gives the thread to <paramref name="staff"/> (a username), or to nobody when null.</summary>
    public async Task AssignAsync(string userId, string? staff, DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            """
            INSERT INTO consultation_threads (user_id, assigned_to, assigned_at) VALUES (@UserId, @Staff, @Now)
            ON CONFLICT (user_id) DO UPDATE SET assigned_to = excluded.assigned_to, assigned_at = excluded.assigned_at
            """,
            new { UserId = userId, Staff = staff, Now = now }, cancellationToken);

    /// <summary>Closes every question of the citizen; how many were still open or answered.</summary>
    public async Task<int> MarkDoneAsync(string userId, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            "UPDATE consultations SET status = 'closed' WHERE user_id = @UserId AND status <> 'closed'",
            new { UserId = userId }, cancellationToken);

    /// <summary>Opens the citizen's newest question again (answered if staff had answered it); false when none was closed.</summary>
    public async Task<bool> ReopenAsync(string userId, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            """
            UPDATE consultations SET status = CASE WHEN answer IS NULL THEN 'open' ELSE 'answered' END
            WHERE id = (SELECT id FROM consultations WHERE user_id = @UserId ORDER BY received_at DESC, id DESC LIMIT 1) AND status = 'closed'
            """,
            new { UserId = userId }, cancellationToken) == 1;

    /// <summary>Questions no staff member has answered yet.</summary>
    public async Task<long> CountUnansweredAsync(CancellationToken cancellationToken) =>
        await database.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM consultations WHERE status = 'open'", null, cancellationToken);
}

public enum ThreadFilter
{
    Open,
    Assigned,
    Done,
    All,
}

public sealed record ThreadSummary
{
    public required string UserId { get; init; }

    public string? DisplayName { get; init; }

    public required string Language { get; init; }

    public string? AssignedTo { get; init; }

    public long Questions { get; init; }

    public long NotDone { get; init; }

    public DateTimeOffset LastAt { get; init; }

    public required string LastText { get; init; }

    public bool Done => NotDone == 0;
}

public sealed record StaffReply
{
    public long Id { get; init; }

    public long ConsultationId { get; init; }

    public required string SentBy { get; init; }

    public required string Text { get; init; }

    public DateTimeOffset SentAt { get; init; }
}

public sealed record ConsultationThread(
    string UserId, string? DisplayName, string Language, string? AssignedTo, IReadOnlyList<Consultation> Questions, IReadOnlyList<StaffReply> Replies)
{
    public bool Done => Questions.All(q => q.Status == "closed");

    /// <summary>The question a reply answers: the newest one.</summary>
    public Consultation Newest => Questions[^1];
}
