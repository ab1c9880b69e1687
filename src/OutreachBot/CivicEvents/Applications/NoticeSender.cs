using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using OutreachBot.Broadcasts;
using OutreachBot.Broadcasts.Fanout;
using OutreachBot.Broadcasts.Scheduling;
using OutreachBot.CivicEvents.Applications.Web;
using OutreachBot.Hosting;
using OutreachBot.Line.Messaging;
using OutreachBot.LineSending;
using OutreachBot.Mail;

namespace OutreachBot.CivicEvents.Applications;

/// <summary>
/// Sends the notices owed to applicants (moved up, event cancelled, event moved, the thanks the day after, which each
/// round first writes when due) in each applicant's language: a push to a LINE applicant, a mail to a web applicant.
/// Pushes count against the month's quota, so none goes when the quota is used up; mails do not. All wait out quiet
/// hours, except an event cancelled on its day. Each push has its own retry key and each mail its own Message-ID, so one
/// sent again after a crash reaches the applicant once.
/// </summary>
public sealed partial class NoticeSender(
    NoticeLedger queue,
    ThanksNotices thanks,
    NoticeMessages messages,
    WebApplicationMails mails,
    IMailTransport transport,
    MailChannel mailChannel,
    IServiceProvider services,
    QuotaGuard quota,
    IOptions<EventsOptions> options,
    IOptions<BroadcastOptions> broadcasts,
    IOptions<BotOptions> bot,
    TimeProvider time,
    ILogger<NoticeSender> logger) : BackgroundService
{
    private const int PerRound = 50;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicRounds.RunAsync(SendDueAsync, () => options.Value.NoticePollInterval, LogRoundFailed, time, stoppingToken);

    /// <summary>One round: the notices due now that may go now. Returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await thanks.WriteDueAsync(now, cancellationToken);
        var quiet = new QuietHours(broadcasts.Value.QuietHoursStart, broadcasts.Value.QuietHoursEnd, bot.Value.Zone).Contains(now);
        var due = (await queue.DueAsync(now, PerRound, cancellationToken)).Where(n => n.Urgent || !quiet).ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        var allowance = await quota.AllowanceAsync(cancellationToken);
        await using var round = new NoticeMailRound(transport);
        var (sent, pushed, held) = (0, 0, 0);
        foreach (var notice in due)
        {
            var byMail = notice.WebRequestId is not null;
            if (!byMail && allowance.Remaining is { } remaining && pushed >= remaining)
            {
                held++;
                continue;
            }

            if (await queue.ClaimAsync(notice.Id, now, cancellationToken)
                && (byMail ? await MailAsync(notice, round, now, cancellationToken) : await PushAsync(notice, now, cancellationToken)))
            {
                sent++;
                pushed += byMail ? 0 : 1;
            }
        }

        if (held > 0)
        {
            LogQuotaHeld(held);
        }

        return sent;
    }

    private async Task<bool> PushAsync(DueNotice notice, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!notice.Following || notice.UserId is null || await messages.ForAsync(notice, cancellationToken) is not { } message)
        {
            await queue.MarkAsync(notice.Id, now, "not following, or the event is gone", cancellationToken);
            return false;
        }

        try
        {
            // Resolved when sending, not when the service is built: building it must not read LINE's settings before
            // start-up validation names every missing one.
            var line = services.GetRequiredService<LineMessagingClient>();
            await line.PushAsync(notice.UserId, [message], RetryKeys.From("event-notice:" + notice.Id.ToString(CultureInfo.InvariantCulture)), cancellationToken: cancellationToken);
            await queue.MarkAsync(notice.Id, time.GetUtcNow(), null, cancellationToken);
            return true;
        }
        catch (LineApiException ex) when (ex.StatusCode is { } status && (int)status is >= 400 and < 500 && status != HttpStatusCode.TooManyRequests)
        {
            LogRefused(notice.Id, (int)status);
            await queue.MarkAsync(notice.Id, now, $"LINE {(int)status}: {ex.Message}", cancellationToken);
            return false;
        }
        catch (LineApiException ex)
        {
            LogNotYet(notice.Id, ex.Message);
            await queue.ReleaseAsync(notice.Id, cancellationToken);
            return false;
        }
    }

    /// <summary>
    /// A web applicant's notice by mail. A 5xx is recorded and not tried again; a 4xx or a dropped connection keeps the
    /// claim until its lease lapses, so a later round tries again.
    /// </summary>
    private async Task<bool> MailAsync(DueNotice notice, NoticeMailRound round, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!mailChannel.Available || await mails.NoticeAsync(notice, cancellationToken) is not { } message)
        {
            await queue.MarkAsync(notice.Id, now, "no e-mail here, the address erased, or the event gone", cancellationToken);
            return false;
        }

        var outcome = await round.SendAsync(message, cancellationToken);
        switch (outcome.Kind)
        {
            case MailOutcomeKind.Accepted:
                await queue.MarkAsync(notice.Id, time.GetUtcNow(), null, cancellationToken);
                return true;
            case MailOutcomeKind.Permanent:
                LogMailRefused(notice.Id);
                await queue.MarkAsync(notice.Id, now, $"mail: {outcome.Reply}", cancellationToken);
                return false;
            default:
                LogNotYet(notice.Id, "the mail server put it off or could not be reached");
                return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A round of applicants' notices failed; the next round tries again")]
    private partial void LogRoundFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The month's quota is used up: {Count} applicants' notices wait")]
    private partial void LogQuotaHeld(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LINE refused applicants' notice {Id} ({Status}); it is not sent again")]
    private partial void LogRefused(long id, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The mail server refused applicants' notice {Id} for good (its reply is in event_notices.failed); it is not sent again")]
    private partial void LogMailRefused(long id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applicants' notice {Id} not sent yet ({Reason}); the next round tries again")]
    private partial void LogNotYet(long id, string reason);
}
