using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using OutreachBot.Hosting;

namespace OutreachBot.Webhook;

/// <summary>
/// Drains the inbox: hands each stored event to the handler, in order per citizen and in parallel across citizens;
/// retries a failing event with growing, jittered delays and parks it after <see cref="InboxOptions.MaxAttempts"/> tries.
/// Nothing is dropped: an event interrupted by a shutdown or a crash stays pending and is handled after the restart.
/// </summary>
public sealed partial class InboxProcessor(
    InboxStore store,
    InboxOutcomeWriter outcomes,
    IInboxHandler handler,
    InboxSignal signal,
    IOptions<InboxOptions> options,
    IOptions<LineClientOptions> line,
    TimeProvider time,
    ILogger<InboxProcessor> logger) : BackgroundService
{
    /// <summary>How many consecutive events of one citizen one claim may take.</summary>
    public const int RunLength = 16;

    // Read when used, not when built: the host builds its services before it validates the settings, and an invalid
    // setting must stop the start with every failure named, not with the first one a constructor happened to touch.
    private InboxOptions Settings => options.Value;

    /// <summary>An event starts only while this much of its lease is left: one LINE call with all its retries.</summary>
    private TimeSpan LeaseNeeded => line.Value.TotalTimeout;

    public bool Running { get; private set; }

    /// <summary>Claimed runs waiting for a handler or being handled; more are claimed while fewer than the handlers.</summary>
    private int _runsInHand;

    /// <summary>Outcomes being recorded, awaited before the processor stops.</summary>
    private readonly ConcurrentDictionary<Task, bool> _recordings = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Running = true;
        var runs = Channel.CreateUnbounded<ClaimedRun>(new UnboundedChannelOptions { SingleWriter = true });
        var handlers = Enumerable.Range(0, Settings.Concurrency).Select(_ => HandleRunsAsync(runs.Reader, stoppingToken)).ToList();
        try
        {
            await OrphanRelease.RunAsync(store.ReleaseOrphanedClaimsAsync, LogOrphansReleased, LogOrphansNotReleased, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                var claimed = Volatile.Read(ref _runsInHand) < Settings.Concurrency ? await ClaimAsync(runs.Writer) : 0;
                if (claimed == 0)
                {
                    // New events, due retries (by the poll) and a handler that finished a run all wake this.
                    await signal.WaitAsync(Settings.PollInterval, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; unfinished events are released.
        }
        finally
        {
            runs.Writer.TryComplete();
            await Task.WhenAll(handlers);
            await Task.WhenAll(_recordings.Keys);
            Running = false;
        }
    }

    /// <summary>
    /// Claims the due events once and queues them for the handlers; returns how many it took. A handler that waits on
    /// one citizen's event (LINE retrying, say) holds back no other citizen's: the others' handlers go on taking runs,
    /// and that citizen's later events stay unclaimed, in order, until it is done.
    /// </summary>
    private async Task<int> ClaimAsync(ChannelWriter<ClaimedRun> queue)
    {
        var now = time.GetUtcNow();
        var claimUntil = now + Settings.ClaimLease;
        IReadOnlyList<IReadOnlyList<InboxEvent>> runs;
        try
        {
            // Not cancellable: a claim committed but never seen would hold the events until their lease ran out.
            runs = await store.ClaimDueAsync(Settings.Concurrency * 4, RunLength, now, claimUntil, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogClaimFailed(ex);
            return 0;
        }

        var deadline = claimUntil - InboxOptions.LeaseMargin;
        foreach (var run in runs)
        {
            Interlocked.Increment(ref _runsInHand);
            queue.TryWrite(new ClaimedRun(run, deadline));
        }

        return runs.Sum(run => run.Count);
    }

    /// <summary>One handler: takes claimed runs until the processor stops; its slot is free again once a run is handled.</summary>
    private async Task HandleRunsAsync(ChannelReader<ClaimedRun> queue, CancellationToken stoppingToken)
    {
        await foreach (var claimed in queue.ReadAllAsync(CancellationToken.None))
        {
            // After a stop, what is still queued is given back at once rather than handled.
            var run = stoppingToken.IsCancellationRequested ? claimed with { Deadline = DateTimeOffset.MinValue } : claimed;
            Track(Task.WhenAll(await HandleRunAsync(run.Events, run.Deadline, stoppingToken)));
            Interlocked.Decrement(ref _runsInHand);
            signal.Notify();
        }
    }

    /// <summary>Once a run's outcomes are recorded, the citizen's next events may be claimed: the claimer is woken for them.</summary>
    private void Track(Task recorded)
    {
        _recordings[recorded] = true;
        _ = recorded.ContinueWith(
            done =>
            {
                _recordings.TryRemove(done, out _);
                signal.Notify();
            },
            TaskScheduler.Default);
    }

    /// <summary>
    /// Handles a citizen's run one event after another. After an event that did not finish, or once too little of
    /// the lease is left to start the next, the rest of the run is given back, to be claimed again in order.
    /// </summary>
    private async Task<List<Task>> HandleRunAsync(IReadOnlyList<InboxEvent> run, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var recordings = new List<Task>(run.Count);
        for (var i = 0; i < run.Count; i++)
        {
            var leaseLeft = deadline - time.GetUtcNow();
            if (leaseLeft < LeaseNeeded)
            {
                recordings.AddRange(run.Skip(i).Select(ReleaseAsync));
                break;
            }

            var (recording, finished) = await HandleOneAsync(run[i], leaseLeft, cancellationToken);
            recordings.Add(recording);
            if (!finished)
            {
                recordings.AddRange(run.Skip(i + 1).Select(ReleaseAsync));
                break;
            }
        }

        return recordings;
    }

    /// <summary>
    /// Handles one event and starts recording its outcome; never throws, so a fault cannot stop the processor. The
    /// handling is stopped after <paramref name="leaseLeft"/>, before the lease ends and another instance may take the event.
    /// </summary>
    private async Task<(Task Recording, bool Finished)> HandleOneAsync(InboxEvent inboxEvent, TimeSpan leaseLeft, CancellationToken cancellationToken)
    {
        using var leased = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        leased.CancelAfter(leaseLeft);
        try
        {
            var outcome = await handler.HandleAsync(inboxEvent, leased.Token);
            if (outcome == InboxOutcome.Skipped)
            {
                LogSkipped(inboxEvent.Id, inboxEvent.Type);
            }

            return (RecordAsync(inboxEvent, InboxOutcomeRecord.Finished(inboxEvent.Id, outcome, Now())), true);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return (ReleaseAsync(inboxEvent), false);
        }
        catch (Exception ex)
        {
            return (RecordAsync(inboxEvent, Failure(inboxEvent, ex)), false);
        }
    }

    /// <summary>When the outcome cannot be recorded, the event's claim lapses and it is handled again.</summary>
    private async Task RecordAsync(InboxEvent inboxEvent, InboxOutcomeRecord outcome)
    {
        try
        {
            await outcomes.RecordAsync(outcome);
        }
        catch (Exception ex)
        {
            LogOutcomeNotRecorded(ex, inboxEvent.Id);
        }
    }

    private async Task ReleaseAsync(InboxEvent inboxEvent)
    {
        try
        {
            await store.ReleaseAsync(inboxEvent.Id);
        }
        catch (Exception ex)
        {
            LogOutcomeNotRecorded(ex, inboxEvent.Id);
        }
    }

    private InboxOutcomeRecord Failure(InboxEvent inboxEvent, Exception ex)
    {
        var attempt = inboxEvent.Attempts + 1;
        var error = Describe(ex);
        if (attempt >= Settings.MaxAttempts)
        {
            LogParked(ex, inboxEvent.Id, inboxEvent.Type, attempt);
            return InboxOutcomeRecord.Failed(inboxEvent.Id, error, retryAt: null, Now());
        }

        var delay = RetryDelay(attempt);
        LogWillRetry(ex, inboxEvent.Id, inboxEvent.Type, attempt, delay);
        return InboxOutcomeRecord.Failed(inboxEvent.Id, error, time.GetUtcNow() + delay, Now());
    }

    /// <summary>Doubles from the first delay up to the ceiling, with ±20% jitter so that retries of a burst spread out.</summary>
    private TimeSpan RetryDelay(int attempt)
    {
        var exponential = Settings.FirstRetryDelay * Math.Pow(2, attempt - 1);
        var capped = exponential < Settings.MaxRetryDelay ? exponential : Settings.MaxRetryDelay;
        return capped * (0.8 + (Random.Shared.NextDouble() * 0.4));
    }

    /// <summary>What staff see of a failure: the exception's type and message, never the event's content.</summary>
    private static string Describe(Exception ex)
    {
        var text = $"{ex.GetType().Name}: {ex.Message}";
        return text.Length <= 1000 ? text : text[..1000];
    }

    private DateTimeOffset Now() => time.GetUtcNow();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox event {Id} ({Type}) failed on try {Attempt}; trying again in {Delay}")]
    private partial void LogWillRetry(Exception exception, long id, string type, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox event {Id} ({Type}) failed {Attempt} times and is parked for staff")]
    private partial void LogParked(Exception exception, long id, string type, int attempt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Inbox event {Id} of type {Type} was stored and skipped")]
    private partial void LogSkipped(long id, string type);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record the outcome of inbox event {Id}; it is handled again when its claim lapses")]
    private partial void LogOutcomeNotRecorded(Exception exception, long id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Took over {Count} inbox events claimed by a process that stopped")]
    private partial void LogOrphansReleased(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not take over the inbox events of a process that stopped; they are handled when their claims lapse")]
    private partial void LogOrphansNotReleased(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not read due events from the inbox; trying again shortly")]
    private partial void LogClaimFailed(Exception exception);

    /// <summary>A citizen's claimed events, to be started only while their lease leaves time before <see cref="Deadline"/>.</summary>
    private sealed record ClaimedRun(IReadOnlyList<InboxEvent> Events, DateTimeOffset Deadline);
}
