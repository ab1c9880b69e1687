using System.Globalization;

namespace OutreachBot.Disaster.Templates;

/// <summary>Every change to the disaster templates, from the API and the console alike, each with one audit entry naming its actor.</summary>
public sealed class DisasterTemplateEditor(DisasterTemplateStore store, AuditLog audit, TimeProvider time)
{
    public async Task<long> CreateAsync(DisasterTemplateDraft draft, StaffActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var id = await store.CreateAsync(draft, time.GetUtcNow(), cancellationToken);
        await audit.WriteAsync(actor, AuditActions.DisasterTemplateCreated, Target(id), draft.Name, cancellationToken);
        return id;
    }

    /// <summary>False when there is no such template.</summary>
    public async Task<bool> UpdateAsync(long id, DisasterTemplateDraft draft, StaffActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!await store.UpdateAsync(id, draft, time.GetUtcNow(), cancellationToken))
        {
            return false;
        }

        await audit.WriteAsync(actor, AuditActions.DisasterTemplateUpdated, Target(id), draft.Name, cancellationToken);
        return true;
    }

    /// <summary>False when there is no such template.</summary>
    public async Task<bool> DeleteAsync(long id, StaffActor actor, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } template || !await store.DeleteAsync(id, cancellationToken))
        {
            return false;
        }

        await audit.WriteAsync(actor, AuditActions.DisasterTemplateDeleted, Target(id), template.Name, cancellationToken);
        return true;
    }

    private static string Target(long id) => string.Create(CultureInfo.InvariantCulture, $"disaster_template:{id}");
}
