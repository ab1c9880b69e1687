using System.Runtime.CompilerServices;
using Dapper;
using OutreachBot.Storage;

namespace OutreachBot.Broadcasts;

/// <summary>Who a target reaches: counted before scheduling, streamed (never all in memory) at fire time.</summary>
public sealed class Audience(Database database, IEventReminderList reminders)
{
    public async Task<IReadOnlyDictionary<string, long>> CountByLanguageAsync(BroadcastTarget target, CancellationToken cancellationToken)
    {
        if (target.ReminderEventId is { } eventId)
        {
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            await foreach (var recipient in reminders.StreamAsync(eventId, cancellationToken))
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

    public async IAsyncEnumerable<Recipient> StreamAsync(BroadcastTarget target, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (target.ReminderEventId is { } eventId)
        {
            await foreach (var recipient in reminders.StreamAsync(eventId, cancellationToken))
            {
                yield return recipient;
            }

            yield break;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var (fromWhere, parameters) = (await QueryAsync(connection, target, cancellationToken)).Build();
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"SELECT c.user_id, c.language {fromWhere}", parameters, cancellationToken: cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new Recipient(reader.GetString(0), reader.GetString(1));
        }
    }

    private async Task<RecipientQuery> QueryAsync(System.Data.Common.DbConnection connection, BroadcastTarget target, CancellationToken cancellationToken)
    {
        var dialect = database.Dialect;
        var ids = target.Topics.Count == 0
            ? []
            : (await connection.QueryAsync<long>(new CommandDefinition(
                $"SELECT id FROM topics WHERE slug {dialect.In("@Slugs")}", new { Slugs = target.Topics.ToList() }, cancellationToken: cancellationToken))).ToList();
        return new RecipientQuery(dialect, ids, target.MatchAll, target.Languages, target.Districts);
    }
}
