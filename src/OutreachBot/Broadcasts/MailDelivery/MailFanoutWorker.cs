using System.Threading.Channels;
using Microsoft.Extensions.Options;
using OutreachBot.Broadcasts.Authoring;
using OutreachBot.Broadcasts.Fanout;
using OutreachBot.Mail;

namespace OutreachBot.Broadcasts.MailDelivery;

/// <summary>
/// Sends the mails of every run that is sending. One loop claims due deliveries (never more than twice
/// <c>Mail:Connections</c> unrecorded, see <see cref="ClaimLimit"/>, so a lease cannot run out while one waits here); each of <c>Mail:Connections</c>
/// SMTP connections sends ONE mail, waits until its outcome is committed (building the next one meanwhile), then sends
/// the next. So after a crash the only mails that can go twice are the ones in flight, one per connection: accepted by
/// the server, not yet recorded.
/// Outcomes of all connections share commits (<see cref="MailOutcomes"/>), so the wait costs one commit, not one each.
/// </summary>
public sealed partial class MailFanoutWorker(
    MailLedger ledger,
    MailOutcomes outcomes,
    MailSender sender,
    MailChannel channel,
    FanoutSignal signal,
    BroadcastDrafting drafting,
    Disaster.DisasterModeState disaster,
    IOptions<MailFanoutOptions> fanoutOptions,
    IOptions<MailOptions> mailOptions,
    IOptions<BroadcastOptions> options,
    TimeProvider time,
    ILogger<MailFanoutWorker> logger) : BackgroundService
{
    private readonly SemaphoreSlim _recorded = new(0);
    private int _outstanding;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!channel.Available)
        {
            return;
        }

        await Task.Yield();
        var released = await RetryAsync(ledger.ReleaseOrphanedClaimsAsync, stoppingToken);
        if (released > 0)
        {
            LogReleased(released);
        }

        var connections = fanoutOptions.Value.Connections;
        var limit = ClaimLimit(connections, mailOptions.Value.PerSecond, options.Value.BatchLease);
        var queue = Channel.CreateBounded<ClaimedMail>(limit);
        var senders = Enumerable.Range(0, connections).Select(_ => Task.Run(() => ConnectionLoopAsync(queue.Reader, stoppingToken), CancellationToken.None)).ToArray();
        try
        {
            await ClaimLoopAsync(queue.Writer, limit, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is queued is handed back, what is in flight finishes and is recorded.
        }
        finally
        {
            queue.Writer.TryComplete();
            await Task.WhenAll(senders);
        }
    }

    /// <summary>
    /// How many mails may be claimed and not yet recorded: twice the connections, but never more than a quarter of a
    /// lease's worth at the rate ceiling, so that no claim runs out (and goes to another sender) while it waits its turn.
    /// </summary>
    internal static int ClaimLimit(int connections, int perSecond, TimeSpan lease) =>
        perSecond == 0 ? connections * 2 : (int)Math.Clamp(perSecond * lease.TotalSeconds / 4, 1, connections * 2);

    private async Task ClaimLoopAsync(ChannelWriter<ClaimedMail> queue, int limit, CancellationToken stoppingToken)
    {
        var poll = options.Value.PollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            var free = limit - Volatile.Read(ref _outstanding);
            if (free < Math.Max(1, limit / 4))
            {
                await _recorded.WaitAsync(poll, stoppingToken);
                continue;
            }

            IReadOnlyList<ClaimedMail> claimed;
            try
            {
                // Quiet hours and disaster mode hold a non-urgent run's mails unclaimed; they go on once those end.
                claimed = await ledger.ClaimAsync(free, drafting.QuietHours.Contains(time.GetUtcNow()) || disaster.HoldsBroadcasts, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogClaimFailed(ex);
                await Task.Delay(poll, stoppingToken);
                continue;
            }

            Interlocked.Add(ref _outstanding, claimed.Count);
            foreach (var mail in claimed)
            {
                await queue.WriteAsync(mail, CancellationToken.None);
            }

            if (claimed.Count < free)
            {
                await _recorded.WaitAsync(poll, stoppingToken);
            }
        }
    }

    private async Task ConnectionLoopAsync(ChannelReader<ClaimedMail> queue, CancellationToken stoppingToken)
    {
        IMailConnection? connection = null;
        var recorded = Task.CompletedTask;
        try
        {
            await foreach (var mail in queue.ReadAllAsync(CancellationToken.None))
            {
                // Building a mail is not sending it: the next one is built while the last one's outcome commits.
                var prepared = await sender.PrepareAsync(mail);

                // The window: from the server's 250 for the last mail until its commit, that one mail is sent but not
                // recorded. The connection sends nothing else until it is recorded.
                await recorded;
                MailDeliveryOutcome outcome;
                if (stoppingToken.IsCancellationRequested)
                {
                    outcome = new MailDeliveryOutcome(mail, MailResult.Released);
                }
                else if (signal.IsCancelled(mail.RunId))
                {
                    outcome = new MailDeliveryOutcome(mail, MailResult.Cancelled);
                }
                else
                {
                    (outcome, connection) = await sender.SendAsync(prepared, connection, stoppingToken);
                }

                recorded = RecordAsync(outcome);
            }

            await recorded;
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private async Task RecordAsync(MailDeliveryOutcome outcome)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // Kept until stored, however long the database is away: an outage delays outcomes, it does not lose them.
                await outcomes.SubmitAsync(outcome);
                break;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogStoreFailed(ex, attempt);
                await Task.Delay(OutageBackoff.Delay(attempt, options.Value.OutageRetryMaxDelay), CancellationToken.None);
            }
        }

        Interlocked.Decrement(ref _outstanding);
        _recorded.Release();
    }

    private async Task<T> RetryAsync<T>(Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await action(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogStoreFailed(ex, attempt);
                await Task.Delay(OutageBackoff.Delay(attempt, options.Value.OutageRetryMaxDelay), cancellationToken);
            }
        }
    }

    public override void Dispose()
    {
        _recorded.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Released {Count} mail deliveries claimed by a process that stopped; they are sent again")]
    private partial void LogReleased(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not claim mail deliveries; trying again")]
    private partial void LogClaimFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store mail outcomes (attempt {Attempt}); keeping them and trying again")]
    private partial void LogStoreFailed(Exception exception, int attempt);
}
