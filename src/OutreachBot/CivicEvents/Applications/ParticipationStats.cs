using System.Globalization;
using Microsoft.Extensions.Options;

namespace OutreachBot.CivicEvents.Applications;

/// <summary>
/// Participants per month, the figure the city's plans count: for each event of the month (by its start in
/// <c>Bot:TimeZone</c>) that takes applications and was not cancelled, people applied (confirmed seats), waiting,
/// attended and no-shows, and its ratings; and the month's totals.
/// </summary>
public sealed class ParticipationStats(CivicEventStore events, ApplicationStore applications, IOptions<BotOptions> bot, TimeProvider time)
{
    public async Task<MonthParticipation> MonthAsync(int year, int month, CancellationToken cancellationToken)
    {
        var zone = bot.Value.Zone;
        var first = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var next = first.AddMonths(1);
        var now = time.GetUtcNow();
        var rows = new List<EventParticipation>();
        foreach (var e in await events.StartingBetweenAsync(new(first, zone.GetUtcOffset(first)), new(next, zone.GetUtcOffset(next)), cancellationToken))
        {
            if (e.Cancelled || e.Details.Capacity is null)
            {
                continue;
            }

            var roster = new Roster(e, await applications.ListAsync(e.Id, cancellationToken));
            var counts = roster.CountsAt(now);
            var feedback = roster.Feedback;
            rows.Add(new EventParticipation(
                e.Id, e.TitleIn(Languages.Japanese), e.StartsAt, counts.Applied, counts.Waiting, counts.Attended, counts.NoShows, feedback.Ratings, feedback.AverageRating));
        }

        return new MonthParticipation(
            first.ToString("yyyy-MM", CultureInfo.InvariantCulture), bot.Value.TimeZone, rows.Sum(r => r.Applied), rows.Sum(r => r.Attended), rows);
    }
}

/// <param name="Month"><c>yyyy-MM</c>, in <paramref name="TimeZone"/>.</param>
/// <param name="Applied">People with a confirmed seat, across the month's events.</param>
/// <param name="Attended">People marked attended at the door, across the month's events.</param>
public sealed record MonthParticipation(string Month, string TimeZone, int Applied, int Attended, IReadOnlyList<EventParticipation> Events);

/// <summary>One event's figures (people, party sizes added up); <paramref name="NoShows"/> once it has started.</summary>
public sealed record EventParticipation(
    long EventId, string Title, DateTimeOffset StartsAt, int Applied, int Waiting, int Attended, int? NoShows, int Ratings, double? AverageRating);
