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
}
