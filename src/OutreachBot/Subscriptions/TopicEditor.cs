namespace OutreachBot.Subscriptions;

/// <summary>Every change to topics, from the API and the console alike, each leaving one audit entry naming its actor.</summary>
public sealed class TopicEditor(TopicStore store, AuditLog audit, TimeProvider time)
{
    /// <summary>False when another topic already has the slug.</summary>
    public async Task<bool> CreateAsync(TopicDraft draft, StaffActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return await RecordAsync(
            await store.CreateAsync(draft, time.GetUtcNow(), cancellationToken), actor, AuditActions.TopicCreated, draft.Slug, draft.Names.GetValueOrDefault(Languages.Japanese), cancellationToken);
    }

    /// <summary>False when there is no such topic.</summary>
    public async Task<bool> UpdateAsync(TopicDraft draft, StaffActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return await RecordAsync(
            await store.UpdateAsync(draft, time.GetUtcNow(), cancellationToken), actor, AuditActions.TopicUpdated, draft.Slug, draft.Names.GetValueOrDefault(Languages.Japanese), cancellationToken);
    }

    public async Task<bool> SetArchivedAsync(Topic topic, bool archive, StaffActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var draft = new TopicDraft(topic.Slug, topic.Names, topic.Descriptions, topic.Order, archive, topic.ParentSlug);
        return await RecordAsync(
            await store.UpdateAsync(draft, time.GetUtcNow(), cancellationToken), actor, archive ? AuditActions.TopicArchived : AuditActions.TopicRestored, topic.Slug, null, cancellationToken);
    }

    /// <summary>Moves a topic one place up or down (swapping with its neighbour) and renumbers all; false at either end.</summary>
    public async Task<bool> MoveAsync(string slug, string direction, StaffActor actor, CancellationToken cancellationToken)
    {
        var order = (await store.ListAsync(includeArchived: true, cancellationToken)).Select(t => t.Slug).ToList();
        var index = order.IndexOf(slug);
        var other = direction == "up" ? index - 1 : index + 1;
        if (index < 0 || other < 0 || other >= order.Count)
        {
            return false;
        }

        (order[index], order[other]) = (order[other], order[index]);
        await store.SetOrderAsync(order, time.GetUtcNow(), cancellationToken);
        await audit.WriteAsync(actor, AuditActions.TopicsReordered, slug, direction, cancellationToken);
        return true;
    }

    /// <summary>Writes the entry when the store made the change; says whether it did.</summary>
    private async Task<bool> RecordAsync(bool changed, StaffActor actor, string action, string slug, string? detail, CancellationToken cancellationToken)
    {
        if (changed)
        {
            await audit.WriteAsync(actor, action, slug, detail, cancellationToken);
        }

        return changed;
    }
}
