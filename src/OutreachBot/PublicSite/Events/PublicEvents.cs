using Dapper;
using OutreachBot.CivicEvents;

namespace OutreachBot.PublicSite.Events;

/// <summary>The events residents see: those still to come (cancelled ones too, marked) and those of the last weeks.</summary>
public sealed class PublicEvents(CivicEventStore events, Database database)
{
    /// <summary>How far back past events stay listed (and in the calendar feed).</summary>
    public static readonly TimeSpan RecentPast = TimeSpan.FromDays(30);

    /// <summary>Upcoming soonest first, then recent past newest first.</summary>
    public async Task<(IReadOnlyList<PublicEvent> Upcoming, IReadOnlyList<PublicEvent> Past)> ListAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now - RecentPast;
        var starting = await events.StartingBetweenAsync(since - RecentPast, DateTimeOffset.MaxValue, cancellationToken);
        var shown = await WithRevisionsAsync(starting.Where(e => (e.EndsAt ?? e.StartsAt) >= since).ToList(), cancellationToken);
        return (
            [.. shown.Where(e => !e.IsPast(now))],
            [.. shown.Where(e => e.IsPast(now)).OrderByDescending(e => e.Event.StartsAt).ThenByDescending(e => e.Id)]);
    }

    public async Task<PublicEvent?> FindAsync(long id, CancellationToken cancellationToken) =>
        await events.FindAsync(id, cancellationToken) is { } found ? (await WithRevisionsAsync([found], cancellationToken)).Single() : null;

    private async Task<IReadOnlyList<PublicEvent>> WithRevisionsAsync(List<CivicEvent> list, CancellationToken cancellationToken)
    {
        if (list.Count == 0)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var revisions = (await connection.QueryAsync<RevisionRow>(new CommandDefinition(
            $"SELECT id, revision, updated_at AS UpdatedAt FROM civic_events WHERE id IN ({string.Join(',', list.Select(e => e.Id))})",
            cancellationToken: cancellationToken))).ToDictionary(r => r.Id);
        return [.. list.Select(e => new PublicEvent(e, revisions[e.Id].Revision, revisions[e.Id].UpdatedAt))];
    }

    private sealed record RevisionRow
    {
        public long Id { get; init; }

        public int Revision { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }
    }
}
