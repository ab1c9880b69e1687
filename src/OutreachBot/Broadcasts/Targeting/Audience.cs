using System.Runtime.CompilerServices;
using Dapper;

namespace OutreachBot.Broadcasts.Targeting;

/// <summary>Who a target reaches: counted before scheduling, streamed (never all in memory) at fire time, in user id order.</summary>
public sealed class Audience(Database database, IEventReminderList reminders)
{
    public async Task<IReadOnlyDictionary<string, long>> CountByLanguageAsync(BroadcastTarget target, CancellationToken cancellationToken)
    {
        if (target.ReminderEventId is { } eventId)
        {
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            await foreach (var recipient in reminders.StreamAsync(eventId, null, cancellationToken))
            {
                counts[recipient.Language] = counts.GetValueOrDefault(recipient.Language) + 1;
            }

            return counts;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var (fromWhere, parameters) = (await QueryAsync(connection, target, cancellationToken)).Build();
        var rows = await connection.QueryAsync<(string Language, long Count)>(new CommandDefinition(
            $"SELECT c.language, COUNT(*) {fromWhere} GROUP BY c.language", parameters, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Language, r => r.Count, StringComparer.Ordinal);
    }

    /// <summary>At least as many as the target reaches, cheaply: the open subscriptions of its topics (reminder lists are short and counted).</summary>
    public async Task<long> UpperBoundAsync(BroadcastTarget target, CancellationToken cancellationToken)
    {
        if (target.ReminderEventId is not null)
        {
            return (await CountByLanguageAsync(target, cancellationToken)).Values.Sum();
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var (sql, parameters) = (await QueryAsync(connection, target, cancellationToken)).UpperBound();
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }

    /// <summary>The recipients in user id order, only those after <paramref name="after"/> when it is given (a snapshot resuming).</summary>
    public async IAsyncEnumerable<Recipient> StreamAsync(BroadcastTarget target, string? after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (target.ReminderEventId is { } eventId)
        {
            await foreach (var recipient in reminders.StreamAsync(eventId, after, cancellationToken))
            {
                yield return recipient;
            }

            yield break;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var query = await QueryAsync(connection, target, cancellationToken);
        var (fromWhere, parameters) = query.Build(after);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"SELECT c.user_id, c.language {fromWhere} ORDER BY {query.OrderKey}", parameters, cancellationToken: cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new Recipient(reader.GetString(0), reader.GetString(1));
        }
    }

    private async Task<RecipientQuery> QueryAsync(System.Data.Common.DbConnection connection, BroadcastTarget target, CancellationToken cancellationToken)
    {
        var dialect = database.Dialect;
        if (target.AllUnderSwitch is { } switchId)
        {
            var bound = await Disaster.DisasterSwitchStore.FindAsync(connection, switchId, cancellationToken);
            return new RecipientQuery(dialect, [], false, target.Languages, target.Districts)
            {
                Everyone = true, Drill = bound is { Drill: true } ? bound.DrillAudience : null, Profile = await ProfileAsync(connection, target, cancellationToken),
            };
        }

        var ids = target.Topics.Count == 0
            ? []
            : (await connection.QueryAsync<long>(new CommandDefinition(
                $"SELECT id FROM topics WHERE slug {dialect.In("@Slugs")}", new { Slugs = target.Topics.ToList() }, cancellationToken: cancellationToken))).ToList();
        return new RecipientQuery(dialect, ids, target.MatchAll, target.Languages, target.Districts) { Profile = await ProfileAsync(connection, target, cancellationToken) };
    }

    private async Task<(Profiles.ProfileFilter, IReadOnlyList<long>)?> ProfileAsync(System.Data.Common.DbConnection connection, BroadcastTarget target, CancellationToken cancellationToken)
    {
        if (target.Profile is not { } filter)
        {
            return null;
        }

        var skillIds = filter.Skills.Count == 0
            ? []
            : (await connection.QueryAsync<long>(new CommandDefinition(
                $"SELECT id FROM city_skills WHERE slug {database.Dialect.In("@Slugs")}", new { Slugs = filter.Skills.ToList() }, cancellationToken: cancellationToken))).ToList();
        return (filter, skillIds);
    }
}
