using OutreachBot.Conversations;
using OutreachBot.Conversations.Menu;
using OutreachBot.Conversations.Views;

namespace OutreachBot.Surveys;

/// <summary>
/// A citizen answering a survey in the chat, one question at a time. Each answer is stored before the next question
/// is shown, so やめる (or simply leaving) keeps it and 回答する goes on at the question last shown; until the
/// survey closes a citizen who answered walks through the questions again to change answers (an anonymous survey's
/// answers cannot be changed once given, for nothing links them to the citizen any more). A button of a closed or
/// unknown survey, or one that is no question's answer, changes nothing and gets a polite answer.
/// </summary>
public sealed partial class SurveyFlow(
    SurveyStore surveys, SurveyResponseStore responses, ConversationStateStore states, MainMenu menu, ILogger<SurveyFlow> logger)
{
    /// <summary>What the conversation state says while a survey's text question waits for typed text.</summary>
    public const string Awaiting = "survey-text";

    /// <summary>How long a text question keeps the citizen's typed texts for itself.</summary>
    private static readonly TimeSpan TextWindow = TimeSpan.FromDays(1);

    private const int MaxTextAnswer = 2000;

    public async Task<IReadOnlyList<Message>> StartAsync(Turn turn, long surveyId, CancellationToken cancellationToken)
    {
        var t = turn.Texts;
        if (await OpenSurveyAsync(turn, surveyId, cancellationToken) is not { } survey)
        {
            return await RefusedAsync(turn, surveyId, cancellationToken);
        }

        var (response, _) = await responses.BeginAsync(survey.Id, turn.UserId, survey.Anonymous, turn.Now, cancellationToken);
        if (response.Respondent is not { } respondent)
        {
            return Polite(t, SurveyTextKeys.AlreadyAnswered);
        }

        var answers = await responses.AnswersAsync(survey.Id, respondent, cancellationToken);
        if (response.CompletedAt is not null)
        {
            return [Menus.Text(t[SurveyTextKeys.Answered]), .. await AskAsync(turn, survey, 0, answers, cancellationToken)];
        }

        List<Message> opening = [SurveyMessages.Intro(t, survey)];
        if (survey.Anonymous)
        {
            opening.Add(Menus.Text(t[SurveyTextKeys.Anonymous]));
        }

        return [.. opening, .. await AskAsync(turn, survey, Math.Min(response.AtQuestion, survey.Questions.Count - 1), answers, cancellationToken)];
    }

    /// <summary>The one answer to a single-choice or scale question; then the next question.</summary>
    public async Task<IReadOnlyList<Message>> PickAsync(Turn turn, long surveyId, int question, int value, CancellationToken cancellationToken)
    {
        if (await AnsweringAsync(turn, surveyId, question, cancellationToken) is not var (survey, response) ||
            survey.Questions[question] is not { Kind: QuestionKind.SingleChoice or QuestionKind.Scale } asked || !asked.Takes(value))
        {
            return await RefusedAsync(turn, surveyId, cancellationToken);
        }

        await responses.AnswerAsync(response, new(question, value, null, Replace: true, On: true, turn.Language, turn.Now), cancellationToken);
        return await AfterAsync(turn, survey, response, question, cancellationToken);
    }

    /// <summary>An option of a multiple-choice question chosen or taken away; the question shows again with its marks.</summary>
    public async Task<IReadOnlyList<Message>> MarkAsync(Turn turn, long surveyId, int question, int option, bool on, CancellationToken cancellationToken)
    {
        if (await AnsweringAsync(turn, surveyId, question, cancellationToken) is not var (survey, response) ||
            survey.Questions[question] is not { Kind: QuestionKind.MultipleChoice } asked || !asked.Takes(option))
        {
            return await RefusedAsync(turn, surveyId, cancellationToken);
        }

        await responses.AnswerAsync(response, new(question, option, null, Replace: false, On: on, turn.Language, turn.Now), cancellationToken);
        return await AskAsync(turn, survey, question, await responses.AnswersAsync(survey.Id, response.Respondent!, cancellationToken), cancellationToken);
    }

    /// <summary>次へ: the answer given stands (a multiple choice may have none).</summary>
    public async Task<IReadOnlyList<Message>> NextAsync(Turn turn, long surveyId, int question, CancellationToken cancellationToken) =>
        await AnsweringAsync(turn, surveyId, question, cancellationToken) is var (survey, response)
            ? await AfterAsync(turn, survey, response, question, cancellationToken)
            : await RefusedAsync(turn, surveyId, cancellationToken);

    /// <summary>やめる: nothing waits for typed text any more; the answers given stay.</summary>
    public async Task<IReadOnlyList<Message>> QuitAsync(Turn turn, CancellationToken cancellationToken)
    {
        await responses.StopAwaitingAsync(turn.UserId, cancellationToken);
        await states.ClearAsync(turn.UserId, cancellationToken);
        return Polite(turn.Texts, SurveyTextKeys.Stopped);
    }

    /// <summary>
    /// Typed text while a text question waited: its answer (or やめる). Null when no question waits any more, so the
    /// text is what any other text is. The same event handled again answers the same question again.
    /// </summary>
    public async Task<IReadOnlyList<Message>?> OnTextAsync(Turn turn, string text, CancellationToken cancellationToken)
    {
        if (TextCommands.Normalize(text) == TextCommands.Normalize(turn.Texts[TextKeys.ApplyQuit]))
        {
            return await QuitAsync(turn, cancellationToken);
        }

        var eventId = turn.Event.WebhookEventId;
        if (await responses.AwaitingTextAsync(turn.UserId, eventId, cancellationToken) is not { } waiting)
        {
            return null;
        }

        var question = waiting.TextEvent == eventId ? waiting.TextQuestion!.Value : waiting.AwaitingQuestion!.Value;
        if (await AnsweringAsync(turn, waiting.SurveyId, question, cancellationToken) is not var (survey, response) ||
            survey.Questions[question].Kind != QuestionKind.Text)
        {
            await responses.StopAwaitingAsync(turn.UserId, cancellationToken);
            return await RefusedAsync(turn, waiting.SurveyId, cancellationToken);
        }

        var answer = LineLimits.Truncate(text.Trim(), MaxTextAnswer);
        await responses.AnswerAsync(response, new(question, 0, answer, Replace: true, On: true, turn.Language, turn.Now, eventId), cancellationToken);
        return await AfterAsync(turn, survey, response, question, cancellationToken);
    }

    /// <summary>After question <paramref name="question"/>: the next one, or the thanks after the last.</summary>
    private async Task<IReadOnlyList<Message>> AfterAsync(Turn turn, Survey survey, SurveyResponse response, int question, CancellationToken cancellationToken)
    {
        if (question + 1 < survey.Questions.Count)
        {
            return await AskAsync(turn, survey, question + 1, await responses.AnswersAsync(survey.Id, response.Respondent!, cancellationToken), cancellationToken);
        }

        await responses.CompleteAsync(survey.Id, turn.UserId, survey.Anonymous, turn.Now, cancellationToken);
        await states.ClearAsync(turn.UserId, cancellationToken);
        return Polite(turn.Texts, survey.Anonymous ? SurveyTextKeys.ThanksAnonymous : SurveyTextKeys.Thanks);
    }

    /// <summary>Shows question <paramref name="question"/>; a text question keeps the citizen's next typed text for itself.</summary>
    private async Task<IReadOnlyList<Message>> AskAsync(
        Turn turn, Survey survey, int question, IReadOnlyDictionary<int, IReadOnlyList<SurveyAnswer>> answers, CancellationToken cancellationToken)
    {
        var typed = survey.Questions[question].Kind == QuestionKind.Text;
        await responses.ShowingAsync(survey.Id, turn.UserId, question, typed, turn.Now, cancellationToken);
        if (typed)
        {
            var until = survey.ClosesAt is { } closes && closes < turn.Now + TextWindow ? closes : turn.Now + TextWindow;
            await states.SetAsync(turn.UserId, Awaiting, until, cancellationToken);
        }

        var given = answers.TryGetValue(question, out var chosen) ? chosen.Select(a => a.Choice).ToHashSet() : [];
        return [SurveyMessages.Question(turn.Texts, survey, question, given)];
    }

    /// <summary>The survey and the citizen's response when <paramref name="question"/> may be answered now; else null.</summary>
    private async Task<(Survey Survey, SurveyResponse Response)?> AnsweringAsync(Turn turn, long surveyId, int question, CancellationToken cancellationToken) =>
        await OpenSurveyAsync(turn, surveyId, cancellationToken) is { } survey && question < survey.Questions.Count
            && await responses.FindAsync(surveyId, turn.UserId, cancellationToken) is { Respondent: not null } response
            ? (survey, response)
            : null;

    private async Task<Survey?> OpenSurveyAsync(Turn turn, long surveyId, CancellationToken cancellationToken) =>
        await surveys.FindAsync(surveyId, cancellationToken) is { } survey && survey.IsOpenAt(turn.Now) ? survey : null;

    /// <summary>Why a button did nothing: the survey closed, the anonymous answers were given, or the button was none of ours.</summary>
    private async Task<IReadOnlyList<Message>> RefusedAsync(Turn turn, long surveyId, CancellationToken cancellationToken)
    {
        LogRefused(turn.Event.Id, surveyId);
        if (await surveys.FindAsync(surveyId, cancellationToken) is not { } survey)
        {
            return Polite(turn.Texts, SurveyTextKeys.NotFound);
        }

        if (!survey.IsOpenAt(turn.Now))
        {
            return Polite(turn.Texts, SurveyTextKeys.Closed);
        }

        return await responses.FindAsync(surveyId, turn.UserId, cancellationToken) is { Respondent: null }
            ? Polite(turn.Texts, SurveyTextKeys.AlreadyAnswered)
            : Polite(turn.Texts, SurveyTextKeys.NotFound);
    }

    private IReadOnlyList<Message> Polite(BotTexts t, string key) => [Menus.Text(t[key], menu.Shortcuts(t))];

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox event {Id}: a button of survey {SurveyId} that cannot be acted on now; answered politely, nothing changed")]
    private partial void LogRefused(long id, long surveyId);
}
