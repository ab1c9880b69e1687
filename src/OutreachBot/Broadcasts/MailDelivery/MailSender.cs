using Microsoft.Extensions.Options;
using MimeKit;
using OutreachBot.Mail;

namespace OutreachBot.Broadcasts.MailDelivery;

/// <summary>A claimed mail built and ready to send, or, when it could not be built, what becomes of it instead.</summary>
public sealed record PreparedMail(ClaimedMail Mail, MimeMessage? Message, MailDeliveryOutcome? NotBuilt);

/// <summary>
/// Sends one claimed mail on a connection (opening one when there is none or the last one was lost) and says what it
/// became: accepted, refused for good (5xx), or to try again later with a growing delay (4xx, timeout, dropped).
/// </summary>
public sealed partial class MailSender(
    MailLedger ledger,
    IBroadcastMailRenderer renderer,
    IMailTransport transport,
    MailRateLimiter limiter,
    IOptions<MailOptions> mailOptions,
    IOptions<BroadcastOptions> options,
    TimeProvider time,
    ILogger<MailSender> logger)
{

    /// <summary>
    /// Builds the mail, or says what became of it when it cannot be built yet: tried again like a 4xx (and given up with
    /// the run), as what stops a mail being built may pass, like the listening address local mode's links need in the
    /// first moments after a start. Not interrupted by shutdown: it is short, and what it builds is then handed back.
    /// </summary>
    public async Task<PreparedMail> PrepareAsync(ClaimedMail mail)
    {
        try
        {
            return new PreparedMail(mail, renderer.Render(await ledger.ContentAsync(mail, CancellationToken.None), mail.Recipient), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRenderFailed(ex, mail.RunId);
            return new PreparedMail(mail, null, Retry(mail, $"The mail could not be built: {ex.GetType().Name}"));
        }
    }

    public async Task<(MailDeliveryOutcome Outcome, IMailConnection? Connection)> SendAsync(PreparedMail prepared, IMailConnection? connection, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        if (prepared.NotBuilt is { } notBuilt)
        {
            return (notBuilt, connection);
        }

        var (mail, message) = (prepared.Mail, prepared.Message!);
        if (connection is null)
        {
            try
            {
                connection = await transport.ConnectAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogConnectFailed(ex);
                // Not at once again: a relay that refuses connections is given the retry delay before the next try.
                await Task.Delay(options.Value.FirstRetryDelay, time, CancellationToken.None);
                return (Retry(mail, $"Could not connect: {ex.Message}"), null);
            }
        }

        MailOutcome result;
        using (await limiter.WaitAsync(stoppingToken))
        {
            if (!CanStillSend(mail))
            {
                // Its lease could end while it is sent, and another sender claim it then: handed back instead.
                LogLeaseShort(mail.RunId);
                return (new MailDeliveryOutcome(mail, MailResult.Released), connection);
            }

            // Not cancelled by shutdown: once begun, the mail finishes (bounded by Mail:Timeout) and is recorded.
            result = await connection.SendAsync(message, CancellationToken.None);
        }

        if (result.ConnectionLost)
        {
            await connection.DisposeAsync();
            connection = null;
        }

        var outcome = result.Kind switch
        {
            MailOutcomeKind.Accepted => new MailDeliveryOutcome(mail, MailResult.Sent),
            MailOutcomeKind.Permanent => new MailDeliveryOutcome(mail, MailResult.Failed, result.Reply, Address: mail.Recipient.Address),
            _ => Retry(mail, result.Reply),
        };
        return (outcome, connection);
    }

    /// <summary>Whether a send begun now ends (within <c>Mail:Timeout</c>, at most half the lease) before the claim's lease does.</summary>
    private bool CanStillSend(ClaimedMail mail)
    {
        var lease = options.Value.BatchLease;
        var margin = mailOptions.Value.Timeout < lease / 2 ? mailOptions.Value.Timeout : lease / 2;
        return time.GetUtcNow() + margin < mail.ClaimedUntil;
    }

    /// <summary>Later, with the delay doubling per attempt; given up (failed) once the run is older than <c>Broadcasts:GiveUpAfter</c>.</summary>
    private MailDeliveryOutcome Retry(ClaimedMail mail, string? reply)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        if (now - mail.FiredAt > settings.GiveUpAfter)
        {
            return new MailDeliveryOutcome(mail, MailResult.Failed, reply);
        }

        var delay = TimeSpan.FromTicks((long)Math.Min(settings.FirstRetryDelay.Ticks * Math.Pow(2, Math.Min(mail.Attempts - 1, 20)), settings.MaxRetryDelay.Ticks));
        return new MailDeliveryOutcome(mail, MailResult.Retry, reply, now + delay);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The mail of run {RunId} could not be built")]
    private partial void LogRenderFailed(Exception exception, long runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A mail of run {RunId} waited too long for its turn to be sent within its lease; handed back")]
    private partial void LogLeaseShort(long runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not connect to the SMTP relay; the mail is tried again later")]
    private partial void LogConnectFailed(Exception exception);
}
