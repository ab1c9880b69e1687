using Dapper;

namespace OutreachBot.Privacy;

/// <summary>
/// Everything the office holds about one LINE user, read in one transaction: what the citizen sees from the menu and
/// what staff hand over on a disclosure request (開示請求). Names of topics and events are in <c>language</c>, else Japanese.
/// </summary>
public sealed class CitizenDataReader(Database database, Profiles.ProfileStore profiles, Profiles.CityLists.CityListStore cityLists)
{
    /// <summary>Null when the office holds no record of <paramref name="userId"/>.</summary>
    public async Task<CitizenData?> ReadAsync(string userId, string language, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var args = new { UserId = userId, Language = language, Japanese = Languages.Japanese };
        Task<IEnumerable<T>> Query<T>(string sql) => connection.QueryAsync<T>(new CommandDefinition(sql, args, transaction, cancellationToken: cancellationToken));

        var profile = (await Query<CitizenProfile>(
            """
            SELECT user_id AS UserId, language, display_name AS DisplayName, district, following,
                   first_followed_at AS FirstFollowedAt, erased_at AS ErasedAt
            FROM citizens WHERE user_id = @UserId
            """)).SingleOrDefault();
        if (profile is null)
        {
            return null;
        }

        var topics = await Query<string>(
            """
            SELECT COALESCE(own.name, ja.name) FROM subscriptions s
            JOIN topic_texts ja ON ja.topic_id = s.topic_id AND ja.language = @Japanese
            LEFT JOIN topic_texts own ON own.topic_id = s.topic_id AND own.language = @Language
            WHERE s.user_id = @UserId AND s.ended_at IS NULL ORDER BY s.started_at, s.id
            """);
        var reminders = await Query<string>(
            $"""
            SELECT {Title("r")} FROM event_reminders r {TitleJoins("r")}
            WHERE r.user_id = @UserId AND r.cancelled_at IS NULL ORDER BY r.requested_at, r.id
            """);
        var applications = await Query<HeldApplication>(
            $"""
            SELECT {Title("a")} AS EventTitle, a.number, a.status, a.party_size AS PartySize, a.name, a.phone, a.answers,
                   a.applied_at AS AppliedAt
            FROM event_applications a {TitleJoins("a")}
            WHERE a.user_id = @UserId ORDER BY a.applied_at, a.id
            """);
        var questions = await Query<HeldQuestion>(
            """
            SELECT c.received_at AS ReceivedAt, c.text, c.status, c.answer, c.answered_at AS AnsweredAt
            FROM consultations c WHERE c.user_id = @UserId ORDER BY c.received_at, c.id
            """);
        var replies = await Query<HeldReply>(
            "SELECT sent_at AS SentAt, text FROM consultation_replies WHERE user_id = @UserId ORDER BY sent_at, id");
        var surveyAnswers = await Query<HeldSurveyAnswer>(
            """
            SELECT s.title AS SurveyTitle, a.question + 1 AS Question, a.choice, a.text, a.answered_at AS AnsweredAt
            FROM survey_answers a JOIN surveys s ON s.id = a.survey_id
            WHERE a.respondent = @UserId ORDER BY a.survey_id, a.question, a.choice
            """);
        await transaction.CommitAsync(cancellationToken);
        return new CitizenData(profile, [.. topics], [.. reminders], [.. applications], [.. questions], [.. replies], [.. surveyAnswers])
        {
            HeldProfile = Profiles.HeldProfile.Of(await profiles.ReadAsync(userId, cancellationToken), await cityLists.ReadAsync(cancellationToken)),
        };
    }

    /// <summary>When the citizen's data was last erased, if ever.</summary>
    public Task<DateTimeOffset?> ErasedAtAsync(string userId, CancellationToken cancellationToken) =>
        database.ExecuteScalarAsync<DateTimeOffset?>("SELECT erased_at FROM citizens WHERE user_id = @UserId", new { UserId = userId }, cancellationToken);

    private static string Title(string alias) => $"COALESCE(own.title, ja.title, CAST({alias}.event_id AS TEXT))";

    private static string TitleJoins(string alias) =>
        $"""
        LEFT JOIN civic_event_texts ja ON ja.event_id = {alias}.event_id AND ja.language = @Japanese
        LEFT JOIN civic_event_texts own ON own.event_id = {alias}.event_id AND own.language = @Language
        """;
}

/// <summary>One citizen's data as the office holds it.</summary>
public sealed record CitizenData(
    CitizenProfile Profile,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Reminders,
    IReadOnlyList<HeldApplication> Applications,
    IReadOnlyList<HeldQuestion> Questions,
    IReadOnlyList<HeldReply> Replies,
    IReadOnlyList<HeldSurveyAnswer> SurveyAnswers)
{
    /// <summary>The profile the citizen consented to and told (プロフィール), if any.</summary>
    public Profiles.HeldProfile? HeldProfile { get; init; }
}

/// <summary>An answer to a survey that is not anonymous: the option's index (0-based) or the scale's value, or a typed text.</summary>
public sealed record HeldSurveyAnswer
{
    public required string SurveyTitle { get; init; }

    /// <summary>1-based.</summary>
    public int Question { get; init; }

    public int Choice { get; init; }

    public string? Text { get; init; }

    public DateTimeOffset AnsweredAt { get; init; }
}

public sealed record CitizenProfile
{
    public required string UserId { get; init; }

    public required string Language { get; init; }

    public string? DisplayName { get; init; }

    public string? District { get; init; }

    public bool Following { get; init; }

    public DateTimeOffset FirstFollowedAt { get; init; }

    public DateTimeOffset? ErasedAt { get; init; }
}

public sealed record HeldApplication
{
    public required string EventTitle { get; init; }

    public long Number { get; init; }

    public required string Status { get; init; }

    public int PartySize { get; init; }

    public string? Name { get; init; }

    public string? Phone { get; init; }

    /// <summary>As stored: the answers to the event's questions, JSON.</summary>
    public string? Answers { get; init; }

    public DateTimeOffset AppliedAt { get; init; }
}

public sealed record HeldQuestion
{
    public DateTimeOffset ReceivedAt { get; init; }

    public required string Text { get; init; }

    public required string Status { get; init; }

    public string? Answer { get; init; }

    public DateTimeOffset? AnsweredAt { get; init; }
}

/// <summary>A reply staff pushed in the question thread.</summary>
public sealed record HeldReply
{
    public DateTimeOffset SentAt { get; init; }

    public required string Text { get; init; }
}
