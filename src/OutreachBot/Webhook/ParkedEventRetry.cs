using System.Globalization;

namespace OutreachBot.Webhook;

/// <summary>Puts a parked webhook event back in line, for the API and the console alike, with one audit entry.</summary>
public sealed class ParkedEventRetry(InboxStore store, InboxSignal signal, AuditLog audit, TimeProvider time)
{
    /// <summary>False when no event with that id is parked.</summary>
    public async Task<bool> RetryAsync(long id, StaffActor actor, CancellationToken cancellationToken)
    {
        if (!await store.RequeueParkedAsync(id, time.GetUtcNow(), cancellationToken))
        {
            return false;
        }

        signal.Notify();
        await audit.WriteAsync(actor, AuditActions.ParkedEventRetried, id.ToString(CultureInfo.InvariantCulture), null, cancellationToken);
        return true;
    }
}
