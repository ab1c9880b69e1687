using System.Data.Common;
using System.Text.Json;
using Dapper;

namespace OutreachBot.CivicEvents;

/// <summary>How <see cref="EventDetails"/> sit in <c>civic_events</c> (one column each, questions as JSON) and <c>civic_event_languages</c>.</summary>
internal static class EventDetailsStorage
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task WriteAsync(DbConnection connection, DbTransaction transaction, long id, EventDetails details, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE civic_events SET address = @Address, latitude = @Latitude, longitude = @Longitude, organizer = @Organizer, fee = @Fee,
                bring = @Bring, accessibility = @Accessibility, capacity = @Capacity, max_party_size = @MaxPartySize,
                applications_open = @ApplicationsOpen, applications_close = @ApplicationsClose, questions = @Questions
            WHERE id = @Id
            """,
            new
            {
                Id = id,
                details.Address,
                details.Location?.Latitude,
                details.Location?.Longitude,
                details.Organizer,
                details.Fee,
                details.Bring,
                details.Accessibility,
                details.Capacity,
                details.MaxPartySize,
                details.ApplicationsOpen,
                details.ApplicationsClose,
                Questions = details.Questions.Count == 0 ? null : JsonSerializer.Serialize(details.Questions, Json),
            },
            transaction,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM civic_event_languages WHERE event_id = @Id", new { Id = id }, transaction, cancellationToken: cancellationToken));
        var languages = details.Descriptions.Keys.Union(details.Venues.Keys).Select(language => new
        {
            Id = id,
            Language = language,
            Description = details.Descriptions.GetValueOrDefault(language),
            Venue = details.Venues.GetValueOrDefault(language),
        });
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO civic_event_languages (event_id, language, description, venue) VALUES (@Id, @Language, @Description, @Venue)",
            languages,
            transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>The details and seats taken of the events <paramref name="ids"/>, by id.</summary>
    public static async Task<IReadOnlyDictionary<long, (EventDetails Details, int SeatsTaken)>> LoadAsync(
        DbConnection connection, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var list = string.Join(',', ids);
        var rows = await connection.QueryAsync<DetailsRow>(new CommandDefinition(
            $"""
            SELECT id, address, latitude, longitude, organizer, fee, bring, accessibility, capacity, max_party_size AS MaxPartySize,
                   applications_open AS ApplicationsOpen, applications_close AS ApplicationsClose, questions, seats_taken AS SeatsTaken
            FROM civic_events WHERE id IN ({list})
            """,
            cancellationToken: cancellationToken));
        var texts = (await connection.QueryAsync<(long EventId, string Language, string? Description, string? Venue)>(new CommandDefinition(
            $"SELECT event_id, language, description, venue FROM civic_event_languages WHERE event_id IN ({list})",
            cancellationToken: cancellationToken))).ToLookup(t => t.EventId);
        return rows.ToDictionary(r => r.Id, r => (r.ToDetails(texts[r.Id]), r.SeatsTaken));
    }

    private sealed record DetailsRow
    {
        public long Id { get; init; }

        public string? Address { get; init; }

        public double? Latitude { get; init; }

        public double? Longitude { get; init; }

        public string? Organizer { get; init; }

        public string? Fee { get; init; }

        public string? Bring { get; init; }

        public string? Accessibility { get; init; }

        public int? Capacity { get; init; }

        public int MaxPartySize { get; init; }

        public DateTimeOffset? ApplicationsOpen { get; init; }

        public DateTimeOffset? ApplicationsClose { get; init; }

        public string? Questions { get; init; }

        public int SeatsTaken { get; init; }

        public EventDetails ToDetails(IEnumerable<(long EventId, string Language, string? Description, string? Venue)> texts) => new()
        {
            Descriptions = texts.Where(t => t.Description is not null).ToDictionary(t => t.Language, t => t.Description!),
            Venues = texts.Where(t => t.Venue is not null).ToDictionary(t => t.Language, t => t.Venue!),
            Address = Address,
            Location = Latitude is { } latitude && Longitude is { } longitude ? new GeoLocation(latitude, longitude) : null,
            Organizer = Organizer,
            Fee = Fee,
            Bring = Bring,
            Accessibility = Accessibility,
            Capacity = Capacity,
            MaxPartySize = MaxPartySize,
            ApplicationsOpen = ApplicationsOpen,
            ApplicationsClose = ApplicationsClose,
            Questions = Questions is null ? [] : JsonSerializer.Deserialize<List<EventQuestion>>(Questions, Json) ?? [],
        };
    }
}
