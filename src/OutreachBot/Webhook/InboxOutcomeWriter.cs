namespace OutreachBot.Webhook;

/// <summary>
/// Records the processor's outcomes with group commit: the handlers that finish while one transaction is being written
/// share the next one. On SQLite every transaction waits its turn behind the inbox's own group commits, so one turn per
/// event would let the processor fall behind the webhooks; one turn per group keeps pace. Each caller's task completes
/// once its outcome is committed.
/// </summary>
public sealed class InboxOutcomeWriter(InboxStore store) : IDisposable
{
    private readonly GroupCommit<InboxOutcomeRecord, bool> _outcomes = new(async outcomes =>
    {
        await store.RecordAsync(outcomes, CancellationToken.None);
        return [.. outcomes.Select(_ => true)];
    });

    public Task RecordAsync(InboxOutcomeRecord outcome) => _outcomes.SubmitAsync(outcome);

    public void Dispose() => _outcomes.Dispose();
}
