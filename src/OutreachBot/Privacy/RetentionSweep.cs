using Dapper;
using Microsoft.Extensions.Options;
using OutreachBot.Hosting;

namespace OutreachBot.Privacy;

/// <summary>
/// At start and every hour, applies the <c>Privacy</c> retention periods: handled webhook events' raw payloads are
/// reduced to the columns the records need (type, time, event id), citizens who unfollowed long ago are erased as
/// <see cref="PersonalDataEraser"/> erases on request, and old questions and replies lose their text. Counts stay.
/// </summary>
public sealed partial class RetentionSweep(
    Database database, PersonalDataEraser eraser, IOptions<PrivacyOptions> options, TimeProvider time, ILogger<RetentionSweep> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public async Task<RetentionRound> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        var payloads = await database.ExecuteAsync(
            """
            UPDATE inbox_events SET payload = '{}', source_key = NULL
            WHERE payload <> '{}' AND received_at < @Before AND state IN ('done', 'skipped')
            """,
            new { Before = now - settings.InboxRetention }, cancellationToken);

        var consultations = new { Before = now - settings.ConsultationRetention, Closed = "closed" };
        var questions = await database.ExecuteAsync(
            "UPDATE consultations SET text = '', answer = NULL, status = @Closed WHERE received_at < @Before AND text <> ''", consultations, cancellationToken);
        await database.ExecuteAsync(
            "UPDATE consultation_replies SET text = '' WHERE sent_at < @Before AND text <> ''", consultations, cancellationToken);

        var gone = await database.QueryAsync<string>(
            """
            SELECT user_id FROM citizens
            WHERE NOT following AND following_changed_at < @Before AND (erased_at IS NULL OR erased_at < following_changed_at)
            """,
            new { Before = now - settings.UnfollowedRetention }, cancellationToken);
        foreach (var userId in gone)
        {
            await eraser.EraseAsync(userId, now, cancellationToken);
        }

        return new RetentionRound(payloads, gone.Count, questions);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicRounds.RunAsync(SweepAndLogAsync, () => Interval, LogFailed, time, stoppingToken);

    private async Task SweepAndLogAsync(CancellationToken cancellationToken)
    {
        if (await SweepAsync(cancellationToken) is { } round && round != RetentionRound.Nothing)
        {
            LogSwept(round.Payloads, round.Citizens, round.Questions);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: reduced {Payloads} webhook payloads, erased {Citizens} citizens who unfollowed, emptied {Questions} questions")]
    private partial void LogSwept(int payloads, int citizens, int questions);

    [LoggerMessage(Level = LogLevel.Error, Message = "The privacy retention round failed; it is tried again in an hour")]
    private partial void LogFailed(Exception exception);
}

/// <summary>What one round reduced: webhook payloads, citizens erased, questions emptied.</summary>
public sealed record RetentionRound(int Payloads, int Citizens, int Questions)
{
    public static RetentionRound Nothing { get; } = new(0, 0, 0);
}
