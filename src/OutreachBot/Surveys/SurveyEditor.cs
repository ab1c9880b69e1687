namespace OutreachBot.Surveys;

/// <summary>Every change staff make to surveys, from the API and the console alike, each leaving one audit entry.</summary>
public sealed class SurveyEditor(SurveyStore store, AuditLog audit, TimeProvider time)
{
    public async Task<long> CreateAsync(SurveyDraft draft, StaffActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(actor);
        var id = await store.CreateAsync(draft, actor.Username ?? "", time.GetUtcNow(), cancellationToken);
        await audit.WriteAsync(actor, AuditActions.SurveyCreated, $"survey:{id}", $"{draft.Title} ({draft.Questions.Count})", cancellationToken);
        return id;
    }

    /// <summary>False when somebody has begun to answer: then the questions stay as they were asked.</summary>
    public async Task<bool> ReplaceAsync(long id, SurveyDraft draft, StaffActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(actor);
        if (!await store.ReplaceUnansweredAsync(id, draft, cancellationToken))
        {
            return false;
        }

        await audit.WriteAsync(actor, AuditActions.SurveyChanged, $"survey:{id}", $"{draft.Title} ({draft.Questions.Count})", cancellationToken);
        return true;
    }

    /// <summary>Closes it now, before its closing time; false when it had closed already.</summary>
    public async Task<bool> CloseAsync(long id, StaffActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!await store.CloseAsync(id, time.GetUtcNow(), cancellationToken))
        {
            return false;
        }

        await audit.WriteAsync(actor, AuditActions.SurveyClosed, $"survey:{id}", null, cancellationToken);
        return true;
    }
}
