namespace OutreachBot.Webhook;

/// <summary>What became of one try of an inbox event, as the processor records it.</summary>
public sealed record InboxOutcomeRecord(long Id, string State, string? Error, DateTimeOffset? RetryAt, DateTimeOffset At)
{
    public static InboxOutcomeRecord Finished(long id, InboxOutcome outcome, DateTimeOffset at) =>
        new(id, outcome == InboxOutcome.Skipped ? "skipped" : "done", null, null, at);

    /// <summary>A failed try: due again at <paramref name="retryAt"/>, or parked for staff when that is null.</summary>
    public static InboxOutcomeRecord Failed(long id, string error, DateTimeOffset? retryAt, DateTimeOffset at) =>
        new(id, retryAt is null ? "parked" : "pending", error, retryAt, at);
}
