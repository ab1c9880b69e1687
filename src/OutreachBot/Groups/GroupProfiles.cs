namespace OutreachBot.Groups;

/// <summary>
/// Changes to a group's profile, each audited: the group's own (kept for an approver; residents see the last approved
/// one until then), an approver's approval, and staff's own edits through the API, public at once.
/// </summary>
public sealed class GroupProfiles(GroupStore groups, AuditLog audit, TimeProvider time)
{
    public async Task SubmitAsync(long groupId, GroupProfile profile, GroupLogo? logo, StaffActor actor, CancellationToken cancellationToken)
    {
        await groups.SavePendingAsync(groupId, profile, logo, time.GetUtcNow(), cancellationToken);
        await audit.WriteAsync(actor, AuditActions.GroupProfileSubmitted, $"group:{groupId}", logo is null ? null : "with a new logo", cancellationToken);
    }

    public async Task<bool> ApproveAsync(long groupId, StaffActor actor, CancellationToken cancellationToken)
    {
        var approved = await groups.ApproveAsync(groupId, time.GetUtcNow(), cancellationToken);
        if (approved)
        {
            await audit.WriteAsync(actor, AuditActions.GroupProfileApproved, $"group:{groupId}", null, cancellationToken);
        }

        return approved;
    }

    public async Task<bool> PublishAsync(long groupId, GroupProfile profile, StaffActor actor, CancellationToken cancellationToken)
    {
        var published = await groups.PublishAsync(groupId, profile, null, time.GetUtcNow(), cancellationToken);
        if (published)
        {
            await audit.WriteAsync(actor, AuditActions.GroupProfilePublished, $"group:{groupId}", null, cancellationToken);
        }

        return published;
    }
}
