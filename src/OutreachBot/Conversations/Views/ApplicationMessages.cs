using System.Globalization;
using OutreachBot.CivicEvents;
using OutreachBot.CivicEvents.Applications;

namespace OutreachBot.Conversations.Views;

/// <summary>The steps of an application in the chat: each with quick replies, 戻る and やめる; the summary; the outcome.</summary>
public static class ApplicationMessages
{
    /// <summary>The longest typed answer to a short-text question.</summary>
    public const int MaxTextAnswer = 200;

    /// <summary>Number answers offered as quick replies (more can be typed), leaving room for 戻る and やめる.</summary>
    private const int NumberButtons = 10;

    public static int StepCount(CivicEvent e) => PartyOffset(e) + e.Details.Questions.Count;

    /// <summary>1 when the first step asks the party size, else 0.</summary>
    public static int PartyOffset(CivicEvent e) => e.Details.MaxPartySize > 1 ? 1 : 0;

    public static TextMessage Step(BotTexts t, CivicEvent e, ApplicationDraft draft, int waiting, TimeZoneInfo zone, string? before = null)
    {
        string text;
        IEnumerable<LineAction> buttons;
        var offset = PartyOffset(e);
        if (draft.Step >= StepCount(e))
        {
            return Summary(t, e, draft, waiting, zone);
        }

        if (draft.Step < offset)
        {
            text = t[TextKeys.ApplyParty];
            buttons = Enumerable.Range(1, e.Details.MaxPartySize).Select(n => Menus.Button(t.Format(TextKeys.ApplyPartyOption, n), new Command.ApplyParty(e.Id, n)));
        }
        else
        {
            var index = draft.Step - offset;
            var question = e.Details.Questions[index];
            text = question.TextIn(t.Language);
            (text, buttons) = question.Kind switch
            {
                EventQuestion.Choice => (text, question.Choices!.Select((_, c) => Menus.Button(question.ChoiceIn(c, t.Language), new Command.ApplyAnswer(e.Id, index, c)))),
                EventQuestion.Number => ($"{text}\n{t[TextKeys.ApplyNumberHint]}", Enumerable.Range(0, NumberButtons).Select(n => Menus.Button(Number(n), new Command.ApplyAnswer(e.Id, index, n)))),
                _ => ($"{text}\n{t.Format(TextKeys.ApplyTextHint, MaxTextAnswer)}", []),
            };
        }

        return Menus.Text(before is null ? text : $"{before}\n\n{text}", QuickReply.Of([.. buttons, .. BackAndQuit(t, e.Id)]));
    }

    public static TextMessage Summary(BotTexts t, CivicEvent e, ApplicationDraft draft, int waiting, TimeZoneInfo zone)
    {
        var lines = new List<string>();
        if (PartyOffset(e) == 1)
        {
            lines.Add(t.Format(TextKeys.ApplyPartyLine, draft.PartySize));
        }

        for (var i = 0; i < e.Details.Questions.Count; i++)
        {
            lines.Add(t.Format(TextKeys.ApplyAnswerLine, e.Details.Questions[i].TextIn(t.Language), Shown(e.Details.Questions[i], draft.Answers.ElementAtOrDefault(i), t.Language)));
        }

        var where = $"{EventCards.When(t, e, zone)}\n{t.Format(TextKeys.EventVenue, e.VenueIn(t.Language))}";
        var full = draft.PartySize > (e.SeatsLeft ?? 0);
        var text = full
            ? t.Format(TextKeys.ApplySummaryFull, e.TitleIn(t.Language), where, string.Join('\n', lines), waiting)
            : t.Format(TextKeys.ApplySummary, e.TitleIn(t.Language), where, string.Join('\n', lines));
        var confirm = Menus.Button(t[full ? TextKeys.ApplyConfirmWaiting : TextKeys.ApplyConfirm], new Command.ApplyConfirm(e.Id));
        return Menus.Text(text, QuickReply.Of([confirm, .. BackAndQuit(t, e.Id)]));
    }

    /// <summary>The answers as staff read them: a choice as its Japanese label.</summary>
    public static IReadOnlyList<string> ForStaff(CivicEvent e, ApplicationDraft draft) =>
        [.. e.Details.Questions.Select((q, i) => Shown(q, draft.Answers.ElementAtOrDefault(i), Languages.Japanese))];

    public static TextMessage Outcome(BotTexts t, CivicEvent e, EventApplication application, TimeZoneInfo zone, QuickReply shortcuts) =>
        application.Status == EventApplication.Waiting
            ? Menus.Text(t.Format(TextKeys.ApplyWaiting, e.TitleIn(t.Language), application.Number, application.Position), shortcuts)
            : Menus.Text(t.Format(TextKeys.ApplyConfirmed, e.TitleIn(t.Language), $"{EventCards.When(t, e, zone)}\n{t.Format(TextKeys.EventVenue, e.VenueIn(t.Language))}", application.Number), shortcuts);

    private static IEnumerable<LineAction> BackAndQuit(BotTexts t, long eventId) =>
        [Menus.Button(t[TextKeys.ApplyBack], new Command.ApplyBack(eventId)), Menus.Button(t[TextKeys.ApplyQuit], new Command.ApplyQuit(eventId))];

    private static string Shown(EventQuestion question, string? answer, string language) =>
        question.Kind == EventQuestion.Choice && int.TryParse(answer, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < (question.Choices?.Count ?? 0)
            ? question.ChoiceIn(index, language)
            : answer ?? "";

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
