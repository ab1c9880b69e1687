using OutreachBot.CivicEvents;
using OutreachBot.CivicEvents.Applications;
using OutreachBot.Line.Messaging;
using OutreachBot.Resources;

namespace OutreachBot.Conversations.Views;

/// <summary>The thanks the day after an event and the steps of its rating: each a text with its buttons as quick replies.</summary>
public static class RatingMessages
{
    /// <summary>
    /// The thanks: one tap rates the event 1 to 5. This is the one message the day after; an event with a survey has the
    /// survey's start button instead (<see cref="Surveys.SurveyMessages.AfterEvent"/>), not beside it.
    /// </summary>
    public static TextMessage Thanks(BotTexts t, CivicEvent e, long number) => Menus.Text(
        t.Format(RatingTextKeys.Thanks, e.TitleIn(t.Language)),
        QuickReply.Of(Enumerable.Range(RatingStore.MinRating, RatingStore.MaxRating - RatingStore.MinRating + 1)
            .Select(r => Menus.Button(t.Format(RatingTextKeys.Score, r), new Command.Rate(e.Id, number, r)))));

    /// <summary>The rating taken: a comment is offered, or the citizen ends here.</summary>
    public static TextMessage Rated(BotTexts t, long eventId, long number, int rating) => Menus.Text(
        t.Format(RatingTextKeys.Rated, t.Format(RatingTextKeys.Score, rating)),
        QuickReply.Of(
            Menus.Button(t[RatingTextKeys.WriteComment], new Command.RatingComment(eventId, number)),
            Menus.Button(t[RatingTextKeys.End], new Command.RatingEnd(eventId, number))));

    /// <summary>The comment step: the next text is the comment; 戻る and やめる as in the application.</summary>
    public static TextMessage CommentPrompt(BotTexts t, long eventId, long number) => Menus.Text(
        t.Format(RatingTextKeys.CommentPrompt, RatingStore.MaxCommentLength),
        QuickReply.Of(
            Menus.Button(t[TextKeys.ApplyBack], new Command.RatingBack(eventId, number)),
            Menus.Button(t[TextKeys.ApplyQuit], new Command.RatingEnd(eventId, number))));
}
