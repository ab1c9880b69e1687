using System.Data.Common;
using System.Text.Json;
using Dapper;
using OutreachBot.Broadcasts.Authoring;

namespace OutreachBot.Broadcasts;

/// <summary>Broadcasts as staff wrote them, and the moves between their states (each a conditional update, so two staff cannot both win).</summary>
public sealed class BroadcastStore(Database database)
{
    private SqlDialect Dialect => database.Dialect;

    private const string Columns =
        """
        b.id, b.title, b.messages AS MessagesJson, b.match_all AS MatchAll, b.languages, b.districts, b.reminder_event_id AS ReminderEventId,
        b.schedule_kind AS ScheduleKind, b.send_at AS SendAt, b.cron, b.event_id AS EventId, b.event_offset_ms AS EventOffsetMs,
        b.urgent, b.state, b.author, b.approved_by AS ApprovedBy, b.approved_at AS ApprovedAt, b.version, b.created_at AS CreatedAt, b.updated_at AS UpdatedAt,
        b.review_comment AS ReviewComment, b.reviewed_by AS ReviewedBy, b.reviewed_at AS ReviewedAt, b.reason,
        b.channels, b.mail_subjects AS MailSubjects, b.social, b.all_switch_id AS AllSwitchId, b.profile_filter AS ProfileFilter
        """;

    public async Task<long> CreateAsync(BroadcastDraft draft, string author, BroadcastState state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO broadcasts (title, messages, match_all, languages, districts, reminder_event_id, schedule_kind, send_at, cron, event_id,
                                    event_offset_ms, urgent, state, author, created_at, updated_at, channels, mail_subjects, social, all_switch_id, profile_filter)
            VALUES (@Title, @MessagesJson, @MatchAll, @Languages, @Districts, @ReminderEventId, @Kind, @SendAt, @Cron, @EventId,
                    @EventOffsetMs, @Urgent, @State, @Author, @Now, @Now, @Channels, @MailSubjects, @Social, @AllSwitchId, @ProfileFilter)
            RETURNING id
            """,
            Parameters(draft, BroadcastNames.Of(state), now, author),
            transaction,
            cancellationToken: cancellationToken));
        await WriteTopicsAsync(connection, transaction, id, draft.Target.Topics, cancellationToken);
        await AddEditorAsync(connection, transaction, id, author, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>
    /// Replaces the content of a broadcast still in one of <paramref name="editable"/>, recording <paramref name="editor"/>
    /// among those who wrote it; false when it moved on meanwhile.
    /// </summary>
    public async Task<bool> ReplaceAsync(
        long id, int version, BroadcastDraft draft, string editor, BroadcastState state, IReadOnlyList<BroadcastState> editable, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var parameters = new DynamicParameters(Parameters(draft, BroadcastNames.Of(state), now, author: ""));
        parameters.Add("Id", id);
        parameters.Add("Version", version);
        parameters.Add("Editable", editable.Select(BroadcastNames.Of).ToList());
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE broadcasts
            SET title = @Title, messages = @MessagesJson, match_all = @MatchAll, languages = @Languages, districts = @Districts,
                reminder_event_id = @ReminderEventId, schedule_kind = @Kind, send_at = @SendAt, cron = @Cron, event_id = @EventId,
                event_offset_ms = @EventOffsetMs, urgent = @Urgent, channels = @Channels, mail_subjects = @MailSubjects, social = @Social, all_switch_id = @AllSwitchId, profile_filter = @ProfileFilter, state = @State, approved_by = NULL, approved_at = NULL, reason = NULL,
                version = version + 1, updated_at = @Now
            WHERE id = @Id AND version = @Version AND state {Dialect.In("@Editable")}
            """,
            parameters,
            transaction,
            cancellationToken: cancellationToken));
        if (changed == 0)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM broadcast_topics WHERE broadcast_id = @Id", new { Id = id }, transaction, cancellationToken: cancellationToken));
        await WriteTopicsAsync(connection, transaction, id, draft.Target.Topics, cancellationToken);
        await AddEditorAsync(connection, transaction, id, editor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Moves a broadcast from one of <paramref name="from"/> to <paramref name="to"/>; false when it was not in any of
    /// them, or, given <paramref name="version"/>, when it is no longer that version (someone changed it meanwhile).
    /// </summary>
    public async Task<bool> MoveAsync(
        long id, IReadOnlyList<BroadcastState> from, BroadcastState to, DateTimeOffset now, CancellationToken cancellationToken,
        string? approvedBy = null, DateTimeOffset? sendAt = null, string? cancelledBy = null, string? reason = null, int? version = null)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE broadcasts
            SET state = @To, updated_at = @Now, version = version + 1,
                approved_by = COALESCE(@ApprovedBy, approved_by), approved_at = CASE WHEN @ApprovedBy IS NULL THEN approved_at ELSE @Now END,
                send_at = COALESCE(@SendAt, send_at), cancelled_by = COALESCE(@CancelledBy, cancelled_by), reason = @Reason
            WHERE id = @Id AND state {Dialect.In("@From")} AND (@Version IS NULL OR version = @Version)
            """,
            new { Id = id, From = from.Select(BroadcastNames.Of).ToList(), To = BroadcastNames.Of(to), Now = now, ApprovedBy = approvedBy, SendAt = sendAt, CancelledBy = cancelledBy, Reason = reason, Version = version },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>
    /// Moves the send time of a broadcast still in <paramref name="state"/> (its event moved); false when it moved on
    /// meanwhile. Not a new version: what staff wrote and approved is unchanged, only when it goes.
    /// </summary>
    public async Task<bool> RetimeAsync(long id, BroadcastState state, DateTimeOffset sendAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE broadcasts SET send_at = @SendAt, updated_at = @Now, reason = NULL WHERE id = @Id AND state = @State",
            new { Id = id, State = BroadcastNames.Of(state), SendAt = sendAt, Now = now },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Returns a broadcast awaiting approval to draft with the reviewer's comment; false when it was not awaiting approval.</summary>
    public async Task<bool> SendBackAsync(long id, string reviewer, string comment, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE broadcasts
            SET state = 'draft', review_comment = @Comment, reviewed_by = @Reviewer, reviewed_at = @Now, updated_at = @Now, version = version + 1
            WHERE id = @Id AND state = 'awaiting_approval'
            """,
            new { Id = id, Reviewer = reviewer, Comment = comment, Now = now },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>One-offs whose send time falls in [<paramref name="from"/>, <paramref name="to"/>), and every scheduled cron broadcast: what a calendar month shows.</summary>
    public async Task<IReadOnlyList<Broadcast>> ForCalendarAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await LoadAsync(
            connection,
            """
            (b.send_at >= @From AND b.send_at < @To AND b.state IN ('scheduled', 'fired'))
            OR (b.schedule_kind = 'cron' AND b.state = 'scheduled')
            OR EXISTS (SELECT 1 FROM broadcast_runs r WHERE r.broadcast_id = b.id AND r.occurrence >= @From AND r.occurrence < @To)
            ORDER BY b.id
            """,
            new { From = from, To = to },
            cancellationToken);
    }

    public async Task<Broadcast?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await LoadAsync(connection, "b.id = @Id", new { Id = id }, cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<Broadcast>> ListAsync(int limit, long? before, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await LoadAsync(connection, "(@Before IS NULL OR b.id < @Before) ORDER BY b.id DESC LIMIT @Limit", new { Before = before, Limit = limit }, cancellationToken);
    }

    public async Task<IReadOnlyList<Broadcast>> InStateAsync(BroadcastState state, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await LoadAsync(connection, "b.state = @State ORDER BY b.updated_at, b.id", new { State = BroadcastNames.Of(state) }, cancellationToken);
    }

    /// <summary>One-offs whose trigger fired but whose run was never made: the database failed at that moment, or the process stopped.</summary>
    public async Task<IReadOnlyList<long>> FiredWithoutRunAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<long>(new CommandDefinition(
            """
            SELECT b.id FROM broadcasts b
            WHERE b.state = 'fired' AND NOT EXISTS (SELECT 1 FROM broadcast_runs r WHERE r.broadcast_id = b.id)
            ORDER BY b.id
            """,
            cancellationToken: cancellationToken))];
    }

    /// <summary>Broadcasts timed relative to an event, to move with it.</summary>
    public async Task<IReadOnlyList<Broadcast>> ForEventAsync(string eventId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await LoadAsync(connection, "b.event_id = @EventId", new { EventId = eventId }, cancellationToken);
    }

    /// <summary>Broadcasts to the citizens who asked to be reminded of an event, newest first.</summary>
    public async Task<IReadOnlyList<Broadcast>> RemindersOfAsync(string eventId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await LoadAsync(connection, "b.reminder_event_id = @EventId ORDER BY b.id DESC", new { EventId = eventId }, cancellationToken);
    }

    private async Task WriteTopicsAsync(DbConnection connection, DbTransaction transaction, long id, IReadOnlyList<string> slugs, CancellationToken cancellationToken)
    {
        if (slugs.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                $"INSERT INTO broadcast_topics (broadcast_id, topic_id) SELECT @Id, t.id FROM topics t WHERE t.slug {Dialect.In("@Slugs")}",
                new { Id = id, Slugs = slugs },
                transaction,
                cancellationToken: cancellationToken));
        }
    }

    private static async Task AddEditorAsync(DbConnection connection, DbTransaction transaction, long id, string editor, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO broadcast_editors (broadcast_id, editor) VALUES (@Id, @Editor) ON CONFLICT DO NOTHING",
            new { Id = id, Editor = editor },
            transaction,
            cancellationToken: cancellationToken));

    private static object Parameters(BroadcastDraft draft, string state, DateTimeOffset now, string author) => new
    {
        draft.Title,
        draft.MessagesJson,
        draft.Target.MatchAll,
        Languages = draft.Target.Languages is null ? null : JsonSerializer.Serialize(draft.Target.Languages),
        Districts = draft.Target.Districts is null ? null : JsonSerializer.Serialize(draft.Target.Districts),
        draft.Target.ReminderEventId,
        AllSwitchId = draft.Target.AllUnderSwitch,
        ProfileFilter = draft.Target.Profile?.ToJson(),
        Kind = BroadcastNames.Of(draft.Schedule.Kind),
        draft.Schedule.SendAt,
        draft.Schedule.Cron,
        draft.Schedule.EventId,
        EventOffsetMs = (long?)draft.Schedule.EventOffset?.TotalMilliseconds,
        draft.Urgent,
        Channels = BroadcastNames.Of(draft.Channels),
        MailSubjects = draft.MailSubjects.Count == 0 ? null : JsonSerializer.Serialize(draft.MailSubjects),
        Social = draft.Social.ToJson(),
        State = state,
        Author = author,
        Now = now,
    };

    private async Task<IReadOnlyList<Broadcast>> LoadAsync(DbConnection connection, string where, object parameters, CancellationToken cancellationToken)
    {
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM broadcasts b WHERE {where}", parameters, cancellationToken: cancellationToken))).ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        var topics = (await connection.QueryAsync<(long BroadcastId, string Slug)>(new CommandDefinition(
            $"SELECT bt.broadcast_id, t.slug FROM broadcast_topics bt JOIN topics t ON t.id = bt.topic_id WHERE bt.broadcast_id {Dialect.In("@Ids")} ORDER BY t.sort_order, t.id",
            new { Ids = rows.Select(r => r.Id).ToList() },
            cancellationToken: cancellationToken))).ToLookup(t => t.BroadcastId, t => t.Slug);
        var editors = (await connection.QueryAsync<(long BroadcastId, string Editor)>(new CommandDefinition(
            $"SELECT broadcast_id, editor FROM broadcast_editors WHERE broadcast_id {Dialect.In("@Ids")} ORDER BY editor",
            new { Ids = rows.Select(r => r.Id).ToList() },
            cancellationToken: cancellationToken))).ToLookup(e => e.BroadcastId, e => e.Editor);
        return [.. rows.Select(r => r.ToBroadcast([.. topics[r.Id]], [.. editors[r.Id]]))];
    }

    private sealed record Row
    {
        public long Id { get; init; }

        public required string Title { get; init; }

        public required string MessagesJson { get; init; }

        public bool MatchAll { get; init; }

        public string? Languages { get; init; }

        public string? Districts { get; init; }

        public string? ReminderEventId { get; init; }

        public required string ScheduleKind { get; init; }

        public DateTimeOffset? SendAt { get; init; }

        public string? Cron { get; init; }

        public string? EventId { get; init; }

        public long? EventOffsetMs { get; init; }

        public bool Urgent { get; init; }

        public required string State { get; init; }

        public required string Author { get; init; }

        public string? ApprovedBy { get; init; }

        public DateTimeOffset? ApprovedAt { get; init; }

        public int Version { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }

        public string? ReviewComment { get; init; }

        public string? ReviewedBy { get; init; }

        public DateTimeOffset? ReviewedAt { get; init; }

        public string? Reason { get; init; }

        public required string Channels { get; init; }

        public string? MailSubjects { get; init; }

        public string? Social { get; init; }

        public long? AllSwitchId { get; init; }

        public string? ProfileFilter { get; init; }

        public Broadcast ToBroadcast(IReadOnlyList<string> topics, IReadOnlyList<string> editors) => new()
        {
            Id = Id,
            Title = Title,
            MessagesJson = MessagesJson,
            Target = new BroadcastTarget(
                topics,
                MatchAll,
                Languages is null ? null : JsonSerializer.Deserialize<List<string>>(Languages),
                Districts is null ? null : JsonSerializer.Deserialize<List<string>>(Districts),
                ReminderEventId,
                AllSwitchId,
                Profiles.ProfileFilter.FromJson(ProfileFilter)),
            Schedule = new BroadcastSchedule(
                BroadcastNames.Kind(ScheduleKind), SendAt, Cron, EventId, EventOffsetMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null),
            Urgent = Urgent,
            Channels = BroadcastNames.Channels(Channels),
            MailSubjects = MailSubjects is null ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(MailSubjects)!,
            Social = Meta.SocialChoices.FromJson(Social),
            State = BroadcastNames.State(State),
            Author = Author,
            Editors = editors,
            ApprovedBy = ApprovedBy,
            ApprovedAt = ApprovedAt,
            Version = Version,
            CreatedAt = CreatedAt,
            UpdatedAt = UpdatedAt,
            Review = ReviewComment is null ? null : new BroadcastReview(ReviewComment, ReviewedBy ?? "", ReviewedAt ?? DateTimeOffset.UnixEpoch),
            Reason = Reason,
        };
    }
}
