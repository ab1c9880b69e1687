using System.Globalization;
using Microsoft.Extensions.Options;
using OutreachBot.CivicEvents;
using OutreachBot.CivicEvents.Applications;
using OutreachBot.Conversations.Menu;
using OutreachBot.Conversations.Views;

namespace OutreachBot.Conversations.Flows;

/// <summary>
/// Applying in the chat (申し込む): the party size and the event's questions one step at a time, a summary, then the
/// seat. Nothing holds a seat until the summary is confirmed; confirming twice, or the same tap handled again after a
/// crash, applies once.
/// </summary>
public sealed partial class ApplicationFlow(
    CivicEventStore events,
    ApplicationStore applications,
    ApplicationDraftStore drafts,
    ConversationStateStore states,
    MainMenu menu,
    IOptions<BotOptions> bot,
    IOptions<ConversationOptions> options,
    ILogger<ApplicationFlow> logger)
{
    /// <summary>What the conversation state says while an application waits for typed answers.</summary>
    public const string Awaiting = "apply";

    private TimeZoneInfo Zone => bot.Value.Zone;

    public async Task<IReadOnlyList<Message>> StartAsync(Turn turn, long eventId, CancellationToken cancellationToken)
    {
        var t = turn.Texts;
        if (await events.FindAsync(eventId, cancellationToken) is not { } e || !e.AcceptsApplicationsAt(turn.Now))
        {
            LogRefused(turn.Event.Id, eventId);
            return [Menus.Text(t[TextKeys.ApplyClosed], menu.Shortcuts(t))];
        }

        if (await applications.OpenOfAsync(eventId, turn.UserId, cancellationToken) is { } open)
        {
            return [Menus.Text(t.Format(TextKeys.ApplyAlready, e.TitleIn(t.Language), open.Number), menu.Shortcuts(t))];
        }

        var draft = new ApplicationDraft(turn.UserId, eventId, 0, 1, [.. e.Details.Questions.Select(_ => (string?)null)], turn.Now + options.Value.ConfirmationLifetime);
        await SaveAsync(draft, cancellationToken);
        return [await StepAsync(t, e, draft, cancellationToken)];
    }

    public Task<IReadOnlyList<Message>> PartyAsync(Turn turn, long eventId, int size, CancellationToken cancellationToken) =>
        AnswerAsync(turn, eventId, (e, step) => step < ApplicationMessages.PartyOffset(e) && size >= 1 && size <= e.Details.MaxPartySize
            ? d => d with { PartySize = size }
            : null, cancellationToken);

    public Task<IReadOnlyList<Message>> PickAsync(Turn turn, long eventId, int question, int value, CancellationToken cancellationToken) =>
        AnswerAsync(turn, eventId, (e, step) => step - ApplicationMessages.PartyOffset(e) == question && ApplicationAnswers.Accepts(e.Details.Questions[question], value)
            ? d => d with { Answers = ApplicationAnswers.With(d.Answers, question, value.ToString(CultureInfo.InvariantCulture)) }
            : null, cancellationToken);

    /// <summary>Typed text while an application waits: the answer to its current step; null when there is no application going on.</summary>
    public async Task<IReadOnlyList<Message>?> OnTextAsync(Turn turn, string text, CancellationToken cancellationToken)
    {
        if (await drafts.EventOfAsync(turn.UserId, turn.Now, cancellationToken) is not { } eventId)
        {
            return null;
        }

        if (TextCommands.Normalize(text) == TextCommands.Normalize(turn.Texts[TextKeys.ApplyQuit]))
        {
            return await QuitAsync(turn, eventId, cancellationToken);
        }

        return await AnswerAsync(turn, eventId, (e, step) => ApplicationAnswers.Typed(e, step, text, turn.Language), cancellationToken);
    }

    public async Task<IReadOnlyList<Message>> BackAsync(Turn turn, long eventId, CancellationToken cancellationToken)
    {
        if (await drafts.FindAsync(turn.UserId, eventId, turn.Now, cancellationToken) is not { } draft || draft.Step == 0)
        {
            return await QuitAsync(turn, eventId, cancellationToken);
        }

        if (await events.FindAsync(eventId, cancellationToken) is not { } e)
        {
            return await QuitAsync(turn, eventId, cancellationToken);
        }

        var back = draft with { Step = Math.Min(draft.Step, ApplicationMessages.StepCount(e)) - 1 };
        await SaveAsync(back, cancellationToken);
        return [await StepAsync(turn.Texts, e, back, cancellationToken)];
    }

    public async Task<IReadOnlyList<Message>> QuitAsync(Turn turn, long eventId, CancellationToken cancellationToken)
    {
        await EndAsync(turn.UserId, cancellationToken);
        return [Menus.Text(turn.Texts[TextKeys.ApplyQuitted], menu.Shortcuts(turn.Texts))];
    }

    /// <summary>The summary confirmed: a seat, or a waiting place, in the order confirmations arrive.</summary>
    public async Task<IReadOnlyList<Message>> ConfirmAsync(Turn turn, long eventId, CancellationToken cancellationToken)
    {
        var t = turn.Texts;
        var draft = await drafts.FindAsync(turn.UserId, eventId, turn.Now, cancellationToken);
        var e = await events.FindAsync(eventId, cancellationToken);
        if (e is null)
        {
            return [Menus.Text(t[TextKeys.ApplyClosed], menu.Shortcuts(t))];
        }

        if (draft is null)
        {
            return [await WithoutDraftAsync(turn, e, cancellationToken)];
        }

        if (draft.Step < ApplicationMessages.StepCount(e))
        {
            return [await StepAsync(t, e, draft, cancellationToken)];
        }

        var request = new ApplicationRequest(eventId, turn.UserId, "line", draft.PartySize, ApplicationMessages.ForStaff(e, draft), turn.Event.WebhookEventId);
        var outcome = await applications.ApplyAsync(request, turn.Now, cancellationToken);
        await EndAsync(turn.UserId, cancellationToken);
        return [Answer(t, e, outcome)];
    }

    /// <summary>No application going on: the same tap handled again, a double tap, or one long after.</summary>
    private async Task<TextMessage> WithoutDraftAsync(Turn turn, CivicEvent e, CancellationToken cancellationToken)
    {
        var t = turn.Texts;
        if (await applications.FindByRequestAsync(e.Id, turn.Event.WebhookEventId, cancellationToken) is { } replayed)
        {
            return ApplicationMessages.Outcome(t, e, replayed, Zone, menu.Shortcuts(t));
        }

        return await applications.OpenOfAsync(e.Id, turn.UserId, cancellationToken) is { } open
            ? Menus.Text(t.Format(TextKeys.ApplyAlready, e.TitleIn(t.Language), open.Number), menu.Shortcuts(t))
            : Menus.Text(t[TextKeys.ApplyExpired], menu.Shortcuts(t));
    }

    private TextMessage Answer(BotTexts t, CivicEvent e, ApplyOutcome outcome) => outcome.Result switch
    {
        ApplyResult.Confirmed or ApplyResult.Waiting => ApplicationMessages.Outcome(t, e, outcome.Application!, Zone, menu.Shortcuts(t)),
        ApplyResult.AlreadyApplied => Menus.Text(t.Format(TextKeys.ApplyAlready, e.TitleIn(t.Language), outcome.Application!.Number), menu.Shortcuts(t)),
        _ => Menus.Text(t[TextKeys.ApplyClosed], menu.Shortcuts(t)),
    };

    /// <param name="accept">Given the event and the draft's step, how the answer changes the draft, or null when it does not answer that step.</param>
    private async Task<IReadOnlyList<Message>> AnswerAsync(
        Turn turn, long eventId, Func<CivicEvent, int, Func<ApplicationDraft, ApplicationDraft>?> accept, CancellationToken cancellationToken)
    {
        var t = turn.Texts;
        var draft = await drafts.FindAsync(turn.UserId, eventId, turn.Now, cancellationToken);
        var e = await events.FindAsync(eventId, cancellationToken);
        if (draft is null || e is null)
        {
            return [Menus.Text(t[TextKeys.ApplyExpired], menu.Shortcuts(t))];
        }

        if (draft.Step >= ApplicationMessages.StepCount(e) || accept(e, draft.Step) is not { } change)
        {
            return [await StepAsync(t, e, draft, cancellationToken, draft.Step >= ApplicationMessages.StepCount(e) ? null : t[TextKeys.ApplyInvalid])];
        }

        var next = change(draft) with { Step = draft.Step + 1, ExpiresAt = turn.Now + options.Value.ConfirmationLifetime };
        await SaveAsync(next, cancellationToken);
        return [await StepAsync(t, e, next, cancellationToken)];
    }

    private async Task<TextMessage> StepAsync(BotTexts t, CivicEvent e, ApplicationDraft draft, CancellationToken cancellationToken, string? before = null)
    {
        var waiting = draft.Step >= ApplicationMessages.StepCount(e) ? await applications.WaitingCountAsync(e.Id, cancellationToken) : 0;
        return ApplicationMessages.Step(t, e, draft, waiting, Zone, before);
    }

    private async Task SaveAsync(ApplicationDraft draft, CancellationToken cancellationToken)
    {
        await drafts.SaveAsync(draft, cancellationToken);
        await states.SetAsync(draft.UserId, Awaiting, draft.ExpiresAt, cancellationToken);
    }

    private async Task EndAsync(string userId, CancellationToken cancellationToken)
    {
        await drafts.DeleteAsync(userId, cancellationToken);
        await states.ClearAsync(userId, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox event {Id}: apply to event {EventId}, which takes no applications now; nothing changed")]
    private partial void LogRefused(long id, long eventId);
}
