using Dapper;
using Microsoft.Extensions.Options;
using OutreachBot.Hosting;

namespace OutreachBot.MailSubscribers;

/// <summary>
/// At start and every hour, forgets addresses whose confirmation link was never opened within
/// <c>MailSubscribers:UnconfirmedRetention</c>: a never-confirmed row is deleted; one that was subscribed before (it has
/// periods, kept for the counts) has its address erased instead.
/// </summary>
public sealed partial class UnconfirmedSweep(
    Database database, IOptions<MailSubscriberOptions> options, TimeProvider time, ILogger<UnconfirmedSweep> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var before = now - options.Value.UnconfirmedRetention;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var stale = (await connection.QueryAsync<(long Id, bool HasPeriods)>(new CommandDefinition(
            """
            SELECT id, CASE WHEN EXISTS (SELECT 1 FROM mail_subscriptions p WHERE p.subscriber_id = s.id) THEN 1 ELSE 0 END
            FROM mail_subscribers s
            WHERE status = 'pending' AND updated_at < @Before
            """,
            new { Before = before },
            transaction,
            cancellationToken: cancellationToken))).ToList();
        foreach (var (id, hasPeriods) in stale)
        {
            if (hasPeriods)
            {
                await MailSubscriberStore.EraseAsync(connection, transaction, id, null, now, cancellationToken);
                continue;
            }

            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM mail_pending_topics WHERE subscriber_id = @Id", new { Id = id }, transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM mail_subscribers WHERE id = @Id AND status = 'pending'", new { Id = id }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return stale.Count;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicRounds.RunAsync(SweepAndLogAsync, () => Interval, LogFailed, time, stoppingToken);

    private async Task SweepAndLogAsync(CancellationToken cancellationToken)
    {
        if (await SweepAsync(cancellationToken) is > 0 and var count)
        {
            LogSwept(count);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Forgot {Count} e-mail addresses never confirmed")]
    private partial void LogSwept(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not forget unconfirmed e-mail addresses; trying again later")]
    private partial void LogFailed(Exception exception);
}
