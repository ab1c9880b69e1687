using System.Data.Common;
using System.Text.Json;
using Dapper;

namespace OutreachBot.CivicEvents.Applications;

/// <summary>How applications are read from <c>event_applications</c>, with their place on the waiting list.</summary>
internal static class ApplicationRows
{
    public const string Columns =
        """
        a.id, a.event_id AS EventId, a.number, a.user_id AS UserId, a.channel,
        COALESCE(a.name, (SELECT c.display_name FROM citizens c WHERE c.user_id = a.user_id)) AS Name, a.phone, a.party_size AS PartySize,
        a.answers AS AnswersJson, a.status, a.applied_at AS AppliedAt, a.moved_up_at AS MovedUpAt, a.cancelled_at AS CancelledAt,
        a.attended_at AS AttendedAt, a.rating, a.rated_at AS RatedAt, a.comment,
        CASE WHEN a.status = 'waiting' THEN (SELECT COUNT(*) FROM event_applications w
            WHERE w.event_id = a.event_id AND w.status = 'waiting' AND w.number <= a.number) END AS Position
        """;

    public static string ToJson(IReadOnlyList<string> answers) => JsonSerializer.Serialize(answers);

    /// <param name="where">A condition on <c>a</c>, optionally followed by ORDER BY.</param>
    public static async Task<IReadOnlyList<EventApplication>> QueryAsync(
        DbConnection connection, DbTransaction? transaction, string where, object parameters, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM event_applications a WHERE {where}", parameters, transaction, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToApplication())];
    }

    private sealed record Row
    {
        public long Id { get; init; }

        public long EventId { get; init; }

        public long Number { get; init; }

        public string? UserId { get; init; }

        public string Channel { get; init; } = "";

        public string? Name { get; init; }

        public string? Phone { get; init; }

        public int PartySize { get; init; }

        public string? AnswersJson { get; init; }

        public string Status { get; init; } = "";

        public DateTimeOffset AppliedAt { get; init; }

        public DateTimeOffset? MovedUpAt { get; init; }

        public DateTimeOffset? CancelledAt { get; init; }

        public DateTimeOffset? AttendedAt { get; init; }

        public int? Rating { get; init; }

        public DateTimeOffset? RatedAt { get; init; }

        public string? Comment { get; init; }

        public long? Position { get; init; }

        public EventApplication ToApplication() => new()
        {
            Id = Id,
            EventId = EventId,
            Number = Number,
            UserId = UserId,
            Channel = Channel,
            Name = Name,
            Phone = Phone,
            PartySize = PartySize,
            Answers = AnswersJson is null ? [] : JsonSerializer.Deserialize<List<string>>(AnswersJson) ?? [],
            Status = Status,
            AppliedAt = AppliedAt,
            MovedUpAt = MovedUpAt,
            CancelledAt = CancelledAt,
            AttendedAt = AttendedAt,
            Rating = Rating,
            RatedAt = RatedAt,
            Comment = Comment,
            Position = (int?)Position,
        };
    }
}
