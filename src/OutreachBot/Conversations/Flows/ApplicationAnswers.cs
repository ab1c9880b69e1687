using System.Globalization;
using OutreachBot.CivicEvents;
using OutreachBot.CivicEvents.Applications;
using OutreachBot.Conversations.Views;

namespace OutreachBot.Conversations.Flows;

/// <summary>Whether an answer fits the step it answers, tapped or typed.</summary>
internal static class ApplicationAnswers
{
    private const int MaxNumber = 9999;

    public static bool Accepts(EventQuestion question, int value) => question.Kind switch
    {
        EventQuestion.Choice => value >= 0 && value < (question.Choices?.Count ?? 0),
        EventQuestion.Number => value is >= 0 and <= MaxNumber,
        _ => false,
    };

    public static IReadOnlyList<string?> With(IReadOnlyList<string?> answers, int index, string answer)
    {
        var changed = answers.ToList();
        while (changed.Count <= index)
        {
            changed.Add(null);
        }

        changed[index] = answer;
        return changed;
    }

    /// <summary>How typed <paramref name="text"/> changes the draft at <paramref name="step"/>, or null when it does not answer it.</summary>
    public static Func<ApplicationDraft, ApplicationDraft>? Typed(CivicEvent e, int step, string text, string language)
    {
        var offset = ApplicationMessages.PartyOffset(e);
        var normalized = TextCommands.Normalize(text);
        if (step < offset)
        {
            return int.TryParse(normalized, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size >= 1 && size <= e.Details.MaxPartySize
                ? d => d with { PartySize = size }
                : null;
        }

        var index = step - offset;
        var question = e.Details.Questions[index];
        string? answer = question.Kind switch
        {
            EventQuestion.Choice => ChoiceOf(question, normalized, language),
            EventQuestion.Number => int.TryParse(normalized, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= MaxNumber ? n.ToString(CultureInfo.InvariantCulture) : null,
            _ => text.Trim().Length is > 0 and <= ApplicationMessages.MaxTextAnswer ? text.Trim() : null,
        };
        return answer is null ? null : d => d with { Answers = With(d.Answers, index, answer) };
    }

    /// <summary>A choice typed as its label (in the citizen's language or Japanese) or its place (1, 2...).</summary>
    private static string? ChoiceOf(EventQuestion question, string normalized, string language)
    {
        var choices = question.Choices ?? [];
        for (var c = 0; c < choices.Count; c++)
        {
            if (TextCommands.Normalize(question.ChoiceIn(c, language)) == normalized || TextCommands.Normalize(question.ChoiceIn(c, Languages.Japanese)) == normalized)
            {
                return c.ToString(CultureInfo.InvariantCulture);
            }
        }

        return int.TryParse(normalized, NumberStyles.None, CultureInfo.InvariantCulture, out var place) && place >= 1 && place <= choices.Count
            ? (place - 1).ToString(CultureInfo.InvariantCulture)
            : null;
    }
}
