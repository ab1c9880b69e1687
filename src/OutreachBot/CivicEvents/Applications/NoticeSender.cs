using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using OutreachBot.Broadcasts;
using OutreachBot.Broadcasts.Fanout;
using OutreachBot.Broadcasts.Scheduling;
using OutreachBot.Line.Messaging;
using OutreachBot.LineSending;

namespace OutreachBot.CivicEvents.Applications;

/// <summary>
/// Sends the pushes owed to applicants (moved up, event cancelled, event moved, the thanks the day after, which each
/// round first writes when due) in each citizen's language. They count
/// against the month's quota, so none goes when the quota is used up; they wait out quiet hours, except an event
/// cancelled on its day. Each has its own retry key, so a push sent again after a crash reaches the citizen once.
/// </summary>
public sealed partial class NoticeSender(
    NoticeLedger queue,
    ThanksNotices thanks,
    NoticeMessages messages,
    IServiceProvider services,
    QuotaGuard quota,
    IOptions<EventsOptions> options,
    IOptions<BroadcastOptions> broadcasts,
    IOptions<BotOptions> bot,
    TimeProvider time,
    ILogger<NoticeSender> logger) : BackgroundService
{
    private const int PerRound = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRoundFailed(ex);
            }

            await Task.Delay(options.Value.NoticePollInterval, time, stoppingToken);
        }
    }

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
        var sent = 0;
        foreach (var notice in due)
        {
            if (allowance.Remaining is { } remaining && sent >= remaining)
            {
                LogQuotaHeld(due.Count - sent);
                break;
            }

            if (await queue.ClaimAsync(notice.Id, now, cancellationToken) && await SendAsync(notice, now, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<bool> SendAsync(DueNotice notice, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!notice.Following || await messages.ForAsync(notice, cancellationToken) is not { } message)
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

    [LoggerMessage(Level = LogLevel.Error, Message = "A round of applicants' notices failed; the next round tries again")]
    private partial void LogRoundFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The month's quota is used up: {Count} applicants' notices wait")]
    private partial void LogQuotaHeld(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LINE refused applicants' notice {Id} ({Status}); it is not sent again")]
    private partial void LogRefused(long id, int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applicants' notice {Id} not sent yet ({Reason}); the next round tries again")]
    private partial void LogNotYet(long id, string reason);
}
