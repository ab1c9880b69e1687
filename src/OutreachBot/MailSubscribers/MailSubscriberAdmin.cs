using Dapper;
using Microsoft.Extensions.Options;
using OutreachBot.Mail;
using OutreachBot.Subscriptions;

namespace OutreachBot.MailSubscribers;

/// <summary>What an import did: rows imported, addresses already on the list, and rejected lines with their reasons.</summary>
public sealed record ImportReport(int Imported, int AlreadyPresent, IReadOnlyList<RejectedLine> Rejected);

/// <summary>
/// Admins' changes to the e-mail list, each audited once with its actor in the same transaction: removing a subscriber
/// (erased as if they had left) and importing an existing mail-magazine list (confirmed at once, nothing sent).
/// </summary>
public sealed class MailSubscriberAdmin(Database database, AuditLog audit, TopicStore topics, IOptions<BotOptions> bot, TimeProvider time)
{
    public async Task<bool> RemoveAsync(long id, StaffActor actor, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await MailSubscriberStore.EraseAsync(connection, transaction, id, null, time.GetUtcNow(), cancellationToken))
        {
            return false;
        }

        await audit.WriteAsync(connection, transaction, actor, AuditActions.MailSubscriberRemoved, $"mail-subscriber:{id}", null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Imports confirmed subscribers from CSV. Their topics' periods start now (the day they join this list), with
    /// <c>opted_in_at</c> kept as the list says; an address already known here, in any state, is left as it is.
    /// </summary>
    public async Task<ImportReport> ImportAsync(Stream csv, StaffActor actor, CancellationToken cancellationToken)
    {
        var known = (await topics.ListAsync(includeArchived: false, cancellationToken)).ToDictionary(t => t.Slug, t => t.Id, StringComparer.Ordinal);
        var (lines, rejected) = MailSubscriberCsv.Read(csv, known.Keys.ToHashSet(StringComparer.Ordinal), bot.Value.Zone);
        var now = time.GetUtcNow();
        int imported = 0, present = 0;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var line in lines)
        {
            var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                """
                INSERT INTO mail_subscribers (address, address_key, language, status, source, opted_in_at, created_at, updated_at)
                VALUES (@Address, @Key, @Language, 'confirmed', 'import', @OptedInAt, @Now, @Now)
                ON CONFLICT (address_key) DO NOTHING
                RETURNING id
                """,
                new { line.Address, Key = MailSuppression.AddressKey(line.Address), line.Language, line.OptedInAt, Now = now },
                transaction,
                cancellationToken: cancellationToken));
            if (id is not { } subscriberId)
            {
                present++;
                continue;
            }

            imported++;
            foreach (var topicId in line.TopicSlugs.Select(s => known[s]).Distinct())
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO mail_subscriptions (subscriber_id, topic_id, started_at) VALUES (@Id, @TopicId, @Now)",
                    new { Id = subscriberId, TopicId = topicId, Now = now },
                    transaction,
                    cancellationToken: cancellationToken));
            }
        }

        await audit.WriteAsync(
            connection, transaction, actor, AuditActions.MailSubscribersImported, "mail-subscribers",
            $"imported {imported}, already present {present}, rejected {rejected.Count}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportReport(imported, present, rejected);
    }
}
