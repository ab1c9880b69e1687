using OutreachBot.Conversations;
using OutreachBot.Conversations.Views;

namespace OutreachBot.Surveys;

/// <summary>
/// A survey in the chat: the invitation with its start button, and one question at a time. A question's answers are
/// quick replies while they fit LINE's (13 items, 20-character labels), else buttons on a Flex card, ten a card, the
/// cards side by side (a carousel) when there are more; 次へ and やめる stay quick replies.
/// </summary>
public static class SurveyMessages
{
    private const int ButtonsPerCard = 10;
    private const string Chosen = "✓ ";

    /// <summary>What starts a survey: a text with 回答する, as a broadcast or after an event.</summary>
    public static TextMessage Invitation(BotTexts t, Survey survey) => Menus.Text(
        t.Format(SurveyTextKeys.Invite, survey.Title),
        QuickReply.Of(Menus.Button(t[SurveyTextKeys.Start], new Command.SurveyStart(survey.Id))));

    /// <summary>The thanks the day after an event that has a survey: the survey's start button instead of the rating.</summary>
    public static TextMessage AfterEvent(BotTexts t, string eventTitle, Survey survey) => Menus.Text(
        t.Format(SurveyTextKeys.AfterEvent, eventTitle, survey.Title),
        QuickReply.Of(Menus.Button(t[SurveyTextKeys.Start], new Command.SurveyStart(survey.Id))));

    public static TextMessage Intro(BotTexts t, Survey survey) => Menus.Text(t.Format(SurveyTextKeys.Intro, survey.Title, survey.Questions.Count));

    /// <summary>
    /// Question <paramref name="index"/> with what the citizen has answered to it (<paramref name="given"/>: the chosen
    /// options or value): chosen options are marked, and 次へ keeps an answer given.
    /// </summary>
    public static Message Question(BotTexts t, Survey survey, int index, IReadOnlySet<int> given)
    {
        var question = survey.Questions[index];
        var hint = question.Kind switch
        {
            QuestionKind.Scale => t[SurveyTextKeys.ScaleHint],
            QuestionKind.MultipleChoice => t[SurveyTextKeys.MultipleHint],
            QuestionKind.Text => t[SurveyTextKeys.TypeAnswer],
            _ => null,
        };
        var text = t.Format(SurveyTextKeys.Question, index + 1, survey.Questions.Count, question.TextIn(t.Language)) + (hint is null ? "" : "\n" + hint);
        var answers = Answers(t, survey.Id, index, question, given).ToList();
        List<PostbackAction> controls = [];
        if (question.Kind == QuestionKind.MultipleChoice || given.Count > 0)
        {
            controls.Add(Menus.Button(t[SurveyTextKeys.Next], new Command.SurveyNext(survey.Id, index)));
        }

        controls.Add(Menus.Button(t[TextKeys.ApplyQuit], new Command.SurveyQuit(survey.Id)));
        if (answers.Count + controls.Count <= LineLimits.QuickReplyItems && answers.All(a => a.Label.Length <= LineLimits.ActionLabel))
        {
            return Menus.Text(text, QuickReply.Of([.. answers.Select(a => Menus.Button(a.Label, a.Command)), .. controls]));
        }

        var cards = answers.Chunk(ButtonsPerCard).Select((page, i) => Card(i == 0 ? text : null, page)).ToList();
        FlexContainer contents = cards.Count == 1 ? cards[0] : new FlexCarousel(cards);
        return new FlexMessage(LineLimits.Truncate(text, LineLimits.AltTextLength), contents) { QuickReply = QuickReply.Of(controls) };
    }

    private static IEnumerable<(string Label, Command Command)> Answers(BotTexts t, long surveyId, int index, SurveyQuestion question, IReadOnlySet<int> given) =>
        question.Kind switch
        {
            QuestionKind.SingleChoice => question.Options.Select((_, i) => (Mark(given.Contains(i)) + question.OptionIn(i, t.Language), (Command)new Command.SurveyPick(surveyId, index, i))),
            QuestionKind.MultipleChoice => question.Options.Select((_, i) => (Mark(given.Contains(i)) + question.OptionIn(i, t.Language), (Command)new Command.SurveyMark(surveyId, index, i, !given.Contains(i)))),
            QuestionKind.Scale => Enumerable.Range(SurveyQuestion.ScaleMin, SurveyQuestion.ScaleMax).Select(v => (Mark(given.Contains(v)) + v, (Command)new Command.SurveyPick(surveyId, index, v))),
            _ => [],
        };

    private static string Mark(bool chosen) => chosen ? Chosen : "";

    /// <summary>One card of answer buttons; the first carries the question.</summary>
    private static FlexBubble Card(string? text, IEnumerable<(string Label, Command Command)> answers) => new()
    {
        Size = FlexBubbleSize.Mega,
        Header = text is null ? null : FlexBox.Vertical(new FlexText(text) { Wrap = true, Weight = FlexWeight.Bold, Size = FlexSize.Medium }),
        Body = FlexBox.Vertical([.. answers.Select(a => new FlexButton(Menus.Button(a.Label, a.Command, LineLimits.FlexButtonLabel))
        {
            Style = FlexButtonStyle.Secondary,
            Height = FlexSize.Small,
        })]) with { Spacing = FlexSize.Small },
    };
}
