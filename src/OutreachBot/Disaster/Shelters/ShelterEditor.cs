using System.Globalization;

namespace OutreachBot.Disaster.Shelters;

/// <summary>Every change to the shelters, from the API and the console alike, each leaving one audit entry naming its actor.</summary>
public sealed class ShelterEditor(ShelterStore store, AuditLog audit, TimeProvider time)
{
    public async Task<long> CreateAsync(ShelterDraft draft, StaffActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var id = await store.CreateAsync(draft, time.GetUtcNow(), cancellationToken);
        await audit.WriteAsync(actor, AuditActions.ShelterCreated, Target(id), Describe(draft.Names, draft.Open), cancellationToken);
        return id;
    }

    /// <summary>False when there is no such shelter.</summary>
    public async Task<bool> UpdateAsync(long id, ShelterDraft draft, StaffActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!await store.UpdateAsync(id, draft, time.GetUtcNow(), cancellationToken))
        {
            return false;
        }

        await audit.WriteAsync(actor, AuditActions.ShelterUpdated, Target(id), Describe(draft.Names, draft.Open), cancellationToken);
        return true;
    }

    /// <summary>Opens or closes it; false when there is no such shelter.</summary>
    public async Task<bool> SetOpenAsync(long id, bool open, StaffActor actor, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } shelter || !await store.SetOpenAsync(id, open, time.GetUtcNow(), cancellationToken))
        {
            return false;
        }

        await audit.WriteAsync(actor, open ? AuditActions.ShelterOpened : AuditActions.ShelterClosed, Target(id), Describe(shelter.Names, open), cancellationToken);
        return true;
    }

    /// <summary>False when there is no such shelter.</summary>
    public async Task<bool> DeleteAsync(long id, StaffActor actor, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } shelter || !await store.DeleteAsync(id, cancellationToken))
        {
            return false;
        }

        await audit.WriteAsync(actor, AuditActions.ShelterDeleted, Target(id), Describe(shelter.Names, shelter.Open), cancellationToken);
        return true;
    }

    private static string Target(long id) => string.Create(CultureInfo.InvariantCulture, $"shelter:{id}");

    private static string Describe(IReadOnlyDictionary<string, string> names, bool open) => $"{names[Languages.Japanese]} ({(open ? "open" : "closed")})";
}
