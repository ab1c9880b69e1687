using OutreachBot.Mail;
using OutreachBot.Storage;

namespace OutreachBot.Broadcasts.MailDelivery;

/// <summary>
/// Commits the outcomes of all connections together (<see cref="GroupCommit{TItem, TResult}"/>): each connection waits
/// for its own mail's outcome to be stored before it sends the next, and those waiting meanwhile share the next commit.
/// Once stored, the addresses' suppression streaks follow: cleared for accepted mails, one more for a 5xx.
/// </summary>
public sealed partial class MailOutcomes : IDisposable
{
    private readonly GroupCommit<MailDeliveryOutcome, bool> _commit;
    private readonly MailLedger _ledger;
    private readonly MailSuppression _suppression;
    private readonly TimeProvider _time;
    private readonly ILogger<MailOutcomes> _logger;

    public MailOutcomes(MailLedger ledger, MailSuppression suppression, TimeProvider time, ILogger<MailOutcomes> logger)
    {
        _ledger = ledger;
        _suppression = suppression;
        _time = time;
        _logger = logger;
        _commit = new GroupCommit<MailDeliveryOutcome, bool>(CommitAsync);
    }

    public Task SubmitAsync(MailDeliveryOutcome outcome) => _commit.SubmitAsync(outcome);

    private async Task<IReadOnlyList<bool>> CommitAsync(IReadOnlyList<MailDeliveryOutcome> group)
    {
        await _ledger.RecordAsync(group, CancellationToken.None);
        await FollowSuppressionAsync(group);
        return [.. group.Select(_ => true)];
    }

    // After the ledger's commit and outside it: a failure here loses a streak's step, never a delivery's outcome.
    private async Task FollowSuppressionAsync(IReadOnlyList<MailDeliveryOutcome> group)
    {
        try
        {
            await _suppression.RecordDeliveredAsync([.. group.Where(o => o.Result == MailResult.Sent && o.Mail.HadFailures).Select(o => o.Mail.Recipient.SubscriberId)], CancellationToken.None);
            foreach (var failed in group.Where(o => o.Result == MailResult.Failed && o.Address is not null))
            {
                await _suppression.RecordPermanentFailureAsync(failed.Address!, failed.Reply ?? "", _time.GetUtcNow(), CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            LogSuppressionFailed(ex);
        }
    }

    public void Dispose() => _commit.Dispose();

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not update the suppression streaks after storing mail outcomes")]
    private partial void LogSuppressionFailed(Exception exception);
}
