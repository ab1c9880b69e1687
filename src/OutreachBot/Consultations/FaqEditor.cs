namespace OutreachBot.Consultations;

/// <summary>Every change to FAQ entries, from the API and the console alike, each leaving one audit entry naming its actor.</summary>
public sealed class FaqEditor(FaqStore store, AuditLog audit, TimeProvider time)
{
    public async Task<long> CreateAsync(FaqDraft draft, StaffActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var id = await store.CreateAsync(draft, time.GetUtcNow(), cancellationToken);
        await audit.WriteAsync(actor, AuditActions.FaqCreated, Target(id), Describe(draft.Language, draft.Keywords), cancellationToken);
        return id;
    }

    /// <summary>False when there is no such entry.</summary>
    public async Task<bool> UpdateAsync(long id, FaqDraft draft, StaffActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!await store.UpdateAsync(id, draft, time.GetUtcNow(), cancellationToken))
        {
            return false;
        }

        await audit.WriteAsync(actor, AuditActions.FaqUpdated, Target(id), Describe(draft.Language, draft.Keywords), cancellationToken);
        return true;
    }

    /// <summary>False when there is no such entry.</summary>
    public async Task<bool> DeleteAsync(long id, StaffActor actor, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } entry || !await store.DeleteAsync(id, cancellationToken))
        {
            return false;
        }

        await audit.WriteAsync(actor, AuditActions.FaqDeleted, Target(id), Describe(entry.Language, entry.Keywords), cancellationToken);
        return true;
    }

    private static string Target(long id) => $"faq:{id}";

    private static string Describe(string language, IEnumerable<string> keywords) => $"{language}: {string.Join(", ", keywords)}";
}
