using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OutreachBot.Api;
using OutreachBot.Staff;

namespace OutreachBot.CivicEvents.Applications;

/// <summary>
/// What the events' applications add up to: <c>GET /api/v1/events/{id}/stats</c> (one event's counts, ratings and
/// comments; editors, as comments are citizens' own words) and <c>GET /api/v1/stats/events?month=</c> (participants per
/// month across events; any key).
/// </summary>
public static class EventStatsApi
{
    public static RouteGroupBuilder MapEventStatsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/events/{id:long}/stats", GetEventAsync).WithTags("Events").ForEditors().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("An event's people applied, waiting, attended and no-shows (party sizes added up), its ratings (1-5) and comments, newest first.");
        api.MapGet("/stats/events", GetMonthAsync).WithTags("Stats")
            .WithSummary("Participants per month (month=yyyy-MM in Bot:TimeZone, default this month): per event and in total, applied and attended.");
        return api;
    }

    private static async Task<Results<Ok<EventStatsView>, ProblemHttpResult>> GetEventAsync(
        long id, RosterService roster, TimeProvider time, CancellationToken cancellationToken) =>
        await roster.FiguresAsync(id, cancellationToken) is { } figures
            ? TypedResults.Ok(EventStatsView.From(figures, time.GetUtcNow()))
            : StaffProblems.Refused(StatusCodes.Status404NotFound, new($"イベント{id}はありません。", $"No event {id}."));

    private static async Task<Results<Ok<MonthParticipation>, ValidationProblem>> GetMonthAsync(
        string? month, ParticipationStats stats, IOptions<BotOptions> bot, TimeProvider time, CancellationToken cancellationToken)
    {
        var today = TimeZoneInfo.ConvertTime(time.GetUtcNow(), bot.Value.Zone);
        if (month is null)
        {
            return TypedResults.Ok(await stats.MonthAsync(today.Year, today.Month, cancellationToken));
        }

        return ParseMonth(month) is { } asked
            ? TypedResults.Ok(await stats.MonthAsync(asked.Year, asked.Month, cancellationToken))
            : StaffProblems.Invalid(new Dictionary<string, Bilingual[]>
            {
                ["month"] = [new("月は YYYY-MM で指定してください。", "month takes the form YYYY-MM.")],
            });
    }

    /// <summary>A month written <c>yyyy-MM</c>, or null.</summary>
    public static DateOnly? ParseMonth(string? month) =>
        DateOnly.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;
}

/// <summary>One event's figures as the API gives them (people: party sizes added up).</summary>
/// <param name="NoShows">Confirmed people not marked attended, once the event has started; null before.</param>
/// <param name="AverageRating">1 to 5, two decimals; null before any rating.</param>
public sealed record EventStatsView(
    long EventId, int Applied, int Waiting, int Attended, int? NoShows, int Ratings, double? AverageRating, IReadOnlyList<RatingComment> Comments)
{
    public static EventStatsView From(Roster roster, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(roster);
        var counts = roster.CountsAt(now);
        var feedback = roster.Feedback;
        return new(roster.Event.Id, counts.Applied, counts.Waiting, counts.Attended, counts.NoShows, feedback.Ratings, feedback.AverageRating, feedback.Comments);
    }
}
