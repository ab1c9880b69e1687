using Dapper;
using Microsoft.Extensions.Options;
using OutreachBot.Hosting;
using OutreachBot.MailSubscribers;
using OutreachBot.Storage;

namespace OutreachBot.CivicEvents.Applications;

/// <summary>
/// Erases applicants' names, phone numbers, answers and comments once <see cref="EventsOptions.ApplicantDataRetention"/> has passed
/// since their event ended (web applicants' addresses too); the applications themselves stay, so the counts do. Also drops chat
/// drafts left to expire and web requests never confirmed within their link's life.
/// </summary>
public sealed partial class ApplicantDataEraser(Database database, IOptions<EventsOptions> options, TimeProvider time, ILogger<ApplicantDataEraser> logger)
    : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicRounds.RunAsync(EraseAsync, () => Every, LogFailed, time, stoppingToken);

    /// <summary>Returns how many applications were erased.</summary>
    public async Task<int> EraseAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        var erased = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE event_applications SET name = NULL, phone = NULL, answers = NULL, comment = NULL, erased_at = @Now
            WHERE erased_at IS NULL
              AND event_id IN (SELECT id FROM civic_events WHERE COALESCE(ends_at, starts_at) < @Cutoff)
            """,
            new { Now = now, Cutoff = now - options.Value.ApplicantDataRetention },
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE event_web_requests SET address = NULL, name = NULL, answers = NULL
            WHERE address IS NOT NULL AND event_id IN (SELECT id FROM civic_events WHERE COALESCE(ends_at, starts_at) < @Cutoff);
            DELETE FROM event_web_requests WHERE number IS NULL AND requested_at < @Unconfirmed;
            DELETE FROM application_drafts WHERE expires_at < @Now;
            """,
            new { Now = now, Cutoff = now - options.Value.ApplicantDataRetention, Unconfirmed = now - SubscriberTokens.ConfirmationLifetime },
            cancellationToken: cancellationToken));
        if (erased > 0)
        {
            LogErased(erased);
        }

        return erased;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Erased the personal data of {Count} applications past Events:ApplicantDataRetention")]
    private partial void LogErased(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Erasing applicants' data past Events:ApplicantDataRetention failed; it is tried again in an hour")]
    private partial void LogFailed(Exception exception);
}
