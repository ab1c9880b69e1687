namespace OutreachBot.Consultations;

/// <summary>Staff's handling of a citizen's questions (who answers them, done, reopened), each change with one audit entry.</summary>
public sealed class ConsultationTriage(ConsultationInbox inbox, AuditLog audit, TimeProvider time)
{
    /// <param name="staff">The assignee's username; null leaves the questions unassigned.</param>
    public async Task AssignAsync(string userId, string? staff, StaffActor actor, CancellationToken cancellationToken)
    {
        await inbox.AssignAsync(userId, staff, time.GetUtcNow(), cancellationToken);
        await audit.WriteAsync(actor, AuditActions.QuestionAssigned, Target(userId), staff ?? "-", cancellationToken);
    }

    /// <summary>False when nothing was open.</summary>
    public async Task<bool> MarkDoneAsync(string userId, StaffActor actor, CancellationToken cancellationToken) =>
        await RecordAsync(await inbox.MarkDoneAsync(userId, cancellationToken) > 0, userId, AuditActions.QuestionDone, actor, cancellationToken);

    /// <summary>False when nothing was done.</summary>
    public async Task<bool> ReopenAsync(string userId, StaffActor actor, CancellationToken cancellationToken) =>
        await RecordAsync(await inbox.ReopenAsync(userId, cancellationToken), userId, AuditActions.QuestionReopened, actor, cancellationToken);

    private async Task<bool> RecordAsync(bool changed, string userId, string action, StaffActor actor, CancellationToken cancellationToken)
    {
        if (changed)
        {
            await audit.WriteAsync(actor, action, Target(userId), null, cancellationToken);
        }

        return changed;
    }

    private static string Target(string userId) => "citizen:" + userId;
}
