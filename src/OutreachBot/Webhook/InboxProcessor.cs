using Microsoft.Extensions.Options;

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
    TimeProvider time,
    ILogger<InboxProcessor> logger) : BackgroundService
{
    private readonly InboxOptions _options = options.Value;

    public bool Running { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Running = true;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var handled = await DrainOnceAsync(stoppingToken);
                if (handled == 0)
                {
                    await signal.WaitAsync(_options.PollInterval, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; unfinished events were released.
        }
        finally
        {
            Running = false;
        }
    }

    /// <summary>Claims the due events once and handles them; returns how many it took.</summary>
    public async Task<int> DrainOnceAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var now = time.GetUtcNow();
        IReadOnlyList<InboxEvent> due;
        try
        {
            // Not cancellable: a claim committed but never seen would hold the events until their lease ran out.
            due = await store.ClaimDueAsync(_options.Concurrency * 4, now.ToUnixTimeMilliseconds(), (now + _options.ClaimLease).ToUnixTimeMilliseconds(), CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogClaimFailed(ex);
            return 0;
        }

        // A handler's slot is free again once its event is handled; the outcomes are committed in groups meanwhile
        // (the event stays claimed until then), and the round ends when all of them are.
        var recordings = new List<Task>(due.Count);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.Concurrency };
        await Parallel.ForEachAsync(due, parallel, async (inboxEvent, _) =>
        {
            var recording = await HandleOneAsync(inboxEvent, cancellationToken);
            lock (recordings)
            {
                recordings.Add(recording);
            }
        });
        await Task.WhenAll(recordings);
        return due.Count;
    }

    /// <summary>Handles one event and starts recording its outcome; never throws, so a fault cannot stop the processor.</summary>
    private async Task<Task> HandleOneAsync(InboxEvent inboxEvent, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await handler.HandleAsync(inboxEvent, cancellationToken);
            if (outcome == InboxOutcome.Skipped)
            {
                LogSkipped(inboxEvent.Id, inboxEvent.Type);
            }

            return RecordAsync(inboxEvent, InboxOutcomeRecord.Finished(inboxEvent.Id, outcome, Now()));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ReleaseAsync(inboxEvent);
        }
        catch (Exception ex)
        {
            return RecordAsync(inboxEvent, Failure(inboxEvent, ex));
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
        if (attempt >= _options.MaxAttempts)
        {
            LogParked(ex, inboxEvent.Id, inboxEvent.Type, attempt);
            return InboxOutcomeRecord.Failed(inboxEvent.Id, error, retryAt: null, Now());
        }

        var delay = RetryDelay(attempt);
        LogWillRetry(ex, inboxEvent.Id, inboxEvent.Type, attempt, delay);
        return InboxOutcomeRecord.Failed(inboxEvent.Id, error, (time.GetUtcNow() + delay).ToUnixTimeMilliseconds(), Now());
    }

    /// <summary>Doubles from the first delay up to the ceiling, with ±20% jitter so that retries of a burst spread out.</summary>
    private TimeSpan RetryDelay(int attempt)
    {
        var exponential = _options.FirstRetryDelay * Math.Pow(2, attempt - 1);
        var capped = exponential < _options.MaxRetryDelay ? exponential : _options.MaxRetryDelay;
        return capped * (0.8 + (Random.Shared.NextDouble() * 0.4));
    }

    /// <summary>What staff see of a failure: the exception's type and message, never the event's content.</summary>
    private static string Describe(Exception ex)
    {
        var text = $"{ex.GetType().Name}: {ex.Message}";
        return text.Length <= 1000 ? text : text[..1000];
    }

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox event {Id} ({Type}) failed on try {Attempt}; trying again in {Delay}")]
    private partial void LogWillRetry(Exception exception, long id, string type, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox event {Id} ({Type}) failed {Attempt} times and is parked for staff")]
    private partial void LogParked(Exception exception, long id, string type, int attempt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Inbox event {Id} of type {Type} was stored and skipped")]
    private partial void LogSkipped(long id, string type);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record the outcome of inbox event {Id}; it is handled again when its claim lapses")]
    private partial void LogOutcomeNotRecorded(Exception exception, long id);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not read due events from the inbox; trying again shortly")]
    private partial void LogClaimFailed(Exception exception);
}
