using Microsoft.Extensions.Options;
using OutreachBot.CivicEvents.Applications;
using OutreachBot.Conversations.Menu;
using OutreachBot.Conversations.Views;
using OutreachBot.Line.Messaging;
using OutreachBot.Resources;

namespace OutreachBot.Conversations.Flows;

/// <summary>
/// The answer to the thanks the day after an event: one tap rates it 1 to 5, then コメントを書く takes the next text as
/// a comment (戻る and やめる as in the application). A rating button that is not the citizen's thanked application, or
/// one tapped a second time, changes nothing and gets a polite answer.
/// </summary>
public sealed partial class RatingFlow(
    RatingStore ratings, ConversationStateStore states, MainMenu menu, IOptions<ConversationOptions> options, ILogger<RatingFlow> logger)
{
    /// <summary>What the conversation state says while the comment step is open.</summary>
    public const string Awaiting = "rating-comment";

    public async Task<IReadOnlyList<Message>> RateAsync(Turn turn, long eventId, long number, int rating, CancellationToken cancellationToken)
    {
        var t = turn.Texts;
        var outcome = await ratings.RateAsync(eventId, number, turn.UserId, rating, turn.Event.WebhookEventId, turn.Now, cancellationToken);
        switch (outcome.Result)
        {
            case RateResult.Rated or RateResult.Replayed:
                return [RatingMessages.Rated(t, eventId, number, outcome.Rating!.Value)];
            case RateResult.AlreadyRated:
                return [Menus.Text(t.Format(RatingTextKeys.AlreadyRated, t.Format(RatingTextKeys.Score, outcome.Rating)), menu.Shortcuts(t))];
            default:
                LogRefused(turn.Event.Id);
                return NotFound(t);
        }
    }

    /// <summary>コメントを書く: the next text within the confirmation lifetime is the comment.</summary>
    public async Task<IReadOnlyList<Message>> OpenCommentAsync(Turn turn, long eventId, long number, CancellationToken cancellationToken)
    {
        var until = turn.Now + options.Value.ConfirmationLifetime;
        if (await ratings.OpenCommentStepAsync(eventId, number, turn.UserId, until, cancellationToken) is null)
        {
            LogRefused(turn.Event.Id);
            return NotFound(turn.Texts);
        }

        await states.SetAsync(turn.UserId, Awaiting, until, cancellationToken);
        return [RatingMessages.CommentPrompt(turn.Texts, eventId, number)];
    }

    /// <summary>戻る: the comment step closes and the choice after the rating shows again.</summary>
    public async Task<IReadOnlyList<Message>> BackAsync(Turn turn, long eventId, long number, CancellationToken cancellationToken)
    {
        await CloseAsync(turn.UserId, cancellationToken);
        return await ratings.RatingOfAsync(eventId, number, turn.UserId, cancellationToken) is { } rating
            ? [RatingMessages.Rated(turn.Texts, eventId, number, rating)]
            : NotFound(turn.Texts);
    }

    /// <summary>やめる or 終わる: no comment.</summary>
    public async Task<IReadOnlyList<Message>> EndAsync(Turn turn, CancellationToken cancellationToken)
    {
        await CloseAsync(turn.UserId, cancellationToken);
        return [Menus.Text(turn.Texts[RatingTextKeys.Ended], menu.Shortcuts(turn.Texts))];
    }

    /// <summary>
    /// Typed text while the comment step was open: the comment (or やめる). Null when no step is open any more, so the
    /// text is what any other text is. The conversation state is left to expire: handling the same text again after a
    /// crash must still find its way here and repeat the answer.
    /// </summary>
    public async Task<IReadOnlyList<Message>?> OnTextAsync(Turn turn, string text, CancellationToken cancellationToken)
    {
        var t = turn.Texts;
        if (TextCommands.Normalize(text) == TextCommands.Normalize(t[TextKeys.ApplyQuit]))
        {
            return await EndAsync(turn, cancellationToken);
        }

        return await ratings.CommentAsync(turn.UserId, text, turn.Event.WebhookEventId, turn.Now, cancellationToken) is null
            ? null
            : [Menus.Text(t[RatingTextKeys.Commented], menu.Shortcuts(t))];
    }

    private IReadOnlyList<Message> NotFound(BotTexts t) => [Menus.Text(t[RatingTextKeys.NotFound], menu.Shortcuts(t))];

    private async Task CloseAsync(string userId, CancellationToken cancellationToken)
    {
        await ratings.CloseCommentStepsAsync(userId, cancellationToken);
        await states.ClearAsync(userId, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox event {Id}: a rating button for no thanked application of the citizen's; answered politely, nothing changed")]
    private partial void LogRefused(long id);
}
