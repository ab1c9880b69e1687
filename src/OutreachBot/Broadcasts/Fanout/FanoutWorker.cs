using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace OutreachBot.Broadcasts.Fanout;

/// <summary>
/// Sends the batches of every run that is sending: one loop claims due batches (never more than twice
/// <c>MaxInFlight</c> unrecorded at once, so a lease cannot run out while a batch waits here), <c>MaxInFlight</c> senders
/// pass the rate limiter and call multicast, and one recorder commits their outcomes in groups. A batch counts as
/// done only once its outcome is committed; anything less is sent again, with the same key, after a crash.
/// </summary>
public sealed partial class FanoutWorker(
    BatchLedger ledger,
    BatchSender sender,
    FanoutSignal signal,
    FanoutHealth health,
    Disaster.DisasterModeState disaster,
    IOptions<BroadcastOptions> options,
    ILogger<FanoutWorker> logger) : BackgroundService
{
    private static readonly TimeSpan RecordLinger = TimeSpan.FromMilliseconds(20);
    private readonly SemaphoreSlim _recorded = new(0);
    private int _outstanding;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var released = await RetryAsync(ledger.ReleaseOrphanedClaimsAsync, health.Claims, stoppingToken);
        if (released > 0)
        {
            LogReleased(released);
        }

        var queue = Channel.CreateBounded<ClaimedBatch>(settings.MaxInFlight * 2);
        var outcomes = Channel.CreateUnbounded<BatchOutcome>(new UnboundedChannelOptions { SingleReader = true });
        var senders = Enumerable.Range(0, settings.MaxInFlight).Select(_ => Task.Run(() => SendLoopAsync(queue.Reader, outcomes.Writer, stoppingToken), CancellationToken.None)).ToArray();
        var recorder = Task.Run(() => RecordLoopAsync(outcomes.Reader), CancellationToken.None);
        health.Started(recorder);
        try
        {
            await ClaimLoopAsync(queue.Writer, settings, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is queued is handed back below, what is in flight finishes.
        }
        finally
        {
            health.Stopped();
            queue.Writer.TryComplete();
            await Task.WhenAll(senders);
            outcomes.Writer.TryComplete();
            await recorder;
        }
    }

    private async Task ClaimLoopAsync(ChannelWriter<ClaimedBatch> queue, BroadcastOptions settings, CancellationToken stoppingToken)
    {
        var limit = settings.MaxInFlight * 2;
        while (!stoppingToken.IsCancellationRequested)
        {
            var free = limit - Volatile.Read(ref _outstanding);
            if (free < Math.Max(1, settings.MaxInFlight / 2))
            {
                await _recorded.WaitAsync(settings.PollInterval, stoppingToken);
                continue;
            }

            IReadOnlyList<ClaimedBatch> claimed;
            try
            {
                // Disaster mode holds what is not urgent; it goes on once the mode ends.
                claimed = await ledger.ClaimAsync(free, disaster.HoldsBroadcasts, stoppingToken);
                health.Claims.Succeeded();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                health.Claims.Failed();
                LogClaimFailed(ex);
                await Task.Delay(settings.PollInterval, stoppingToken);
                continue;
            }

            Interlocked.Add(ref _outstanding, claimed.Count);
            foreach (var batch in claimed)
            {
                await queue.WriteAsync(batch, CancellationToken.None);
            }

            if (claimed.Count < free)
            {
                await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
        }
    }

    private async Task SendLoopAsync(ChannelReader<ClaimedBatch> queue, ChannelWriter<BatchOutcome> outcomes, CancellationToken stoppingToken)
    {
        await foreach (var batch in queue.ReadAllAsync(CancellationToken.None))
        {
            var outcome = stoppingToken.IsCancellationRequested
                ? new BatchOutcome(batch.Id, batch.RunId, BatchOutcomeKind.Retry) { NextAttemptAt = DateTimeOffset.UnixEpoch }
                : await sender.SendAsync(batch, stoppingToken);
            await outcomes.WriteAsync(outcome, CancellationToken.None);
        }
    }

    private async Task RecordLoopAsync(ChannelReader<BatchOutcome> outcomes)
    {
        var group = new List<BatchOutcome>(256);
        while (await outcomes.WaitToReadAsync(CancellationToken.None))
        {
            var linger = Task.Delay(RecordLinger);
            while (group.Count < 256)
            {
                while (group.Count < 256 && outcomes.TryRead(out var outcome))
                {
                    group.Add(outcome);
                }

                // Under a rate ceiling outcomes come one every few milliseconds: a short wait stores several per
                // commit instead of one, and the claim loop still hears of free room long before it runs short.
                var more = outcomes.WaitToReadAsync(CancellationToken.None).AsTask();
                if (group.Count >= 256 || await Task.WhenAny(more, linger) == linger || !await more)
                {
                    break;
                }
            }

            // Outcomes are kept until they are stored, however long the database is away: an outage delays them, it does
            // not lose them, and sending resumes on its own once the database answers.
            await RetryAsync(async ct => { await ledger.RecordAsync(group, ct); return 0; }, health.Outcomes, CancellationToken.None);
            Interlocked.Add(ref _outstanding, -group.Count);
            group.Clear();
            _recorded.Release();
            signal.Wake();
        }
    }

    private async Task<T> RetryAsync<T>(Func<CancellationToken, Task<T>> action, FailureStreak streak, CancellationToken cancellationToken)
    {
        var (result, _) = await OutageBackoff.RetryAsync(
            action,
            options.Value.OutageRetryMaxDelay,
            (ex, attempt) =>
            {
                streak.Failed();
                LogStoreFailed(ex, attempt);
            },
            cancellationToken);
        streak.Succeeded();
        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Released {Count} batches claimed by a process that stopped; they go again with their own retry keys")]
    private partial void LogReleased(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not claim broadcast batches; trying again")]
    private partial void LogClaimFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store broadcast outcomes (attempt {Attempt}); keeping them and trying again")]
    private partial void LogStoreFailed(Exception exception, int attempt);
}
