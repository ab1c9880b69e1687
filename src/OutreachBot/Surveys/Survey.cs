using System.Text.Json.Serialization;

namespace OutreachBot.Surveys;

[JsonConverter(typeof(JsonStringEnumConverter<QuestionKind>))]
public enum QuestionKind
{
    [JsonStringEnumMemberName("single")]
    SingleChoice,

    [JsonStringEnumMemberName("multiple")]
    MultipleChoice,

    [JsonStringEnumMemberName("scale")]
    Scale,

    [JsonStringEnumMemberName("text")]
    Text,
}

/// <summary>One question: its text per language (Japanese always there) and, for a choice, its options per language.</summary>
public sealed record SurveyQuestion(QuestionKind Kind, IReadOnlyDictionary<string, string> Texts, IReadOnlyList<IReadOnlyDictionary<string, string>> Options)
{
    public const int ScaleMin = 1;
    public const int ScaleMax = 5;

    /// <summary>Whether <paramref name="choice"/> is an answer this question takes: an option's index, or a scale value.</summary>
    public bool Takes(int choice) => Kind switch
    {
        QuestionKind.SingleChoice or QuestionKind.MultipleChoice => choice >= 0 && choice < Options.Count,
        QuestionKind.Scale => choice is >= ScaleMin and <= ScaleMax,
        _ => false,
    };

    public string TextIn(string language) => In(Texts, language);

    public string OptionIn(int index, string language) => In(Options[index], language);

    /// <summary>The text in <paramref name="language"/>, else along its fallbacks, else the Japanese.</summary>
    private static string In(IReadOnlyDictionary<string, string> texts, string language) =>
        TextCatalog.FallbackChain(language).Select(l => texts.GetValueOrDefault(l)).FirstOrDefault(t => !string.IsNullOrEmpty(t))
        ?? texts[Languages.Japanese];
}

public sealed record Survey(
    long Id, string Title, IReadOnlyList<SurveyQuestion> Questions, bool Anonymous, DateTimeOffset? ClosesAt, string CreatedBy, DateTimeOffset CreatedAt)
{
    public bool IsOpenAt(DateTimeOffset now) => ClosesAt is null || now < ClosesAt;
}

public sealed record SurveyDraft(string Title, IReadOnlyList<SurveyQuestion> Questions, bool Anonymous, DateTimeOffset? ClosesAt);
