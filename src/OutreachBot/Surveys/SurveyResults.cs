using Microsoft.Extensions.Options;

namespace OutreachBot.Surveys;

/// <summary>
/// A survey's results for staff: per question the count and share of each answer, the same by the respondents'
/// language and by their topics, and the typed texts. Every count smaller than <c>Surveys:MinCellSize</c> is hidden
/// (null), its share too, so that no cell of any breakdown points at an individual.
/// </summary>
public sealed class SurveyResults(Database database, IOptions<SurveysOptions> options)
{
    public async Task<SurveyResultsView> ForAsync(Survey survey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(survey);
        var answers = await database.QueryAsync<AnswerRow>(
            "SELECT respondent, question, choice, text, language, topics FROM survey_answers WHERE survey_id = @Id",
            new { survey.Id }, cancellationToken);
        var slugs = (await database.QueryAsync<(long Id, string Slug)>("SELECT id, slug FROM topics", null, cancellationToken))
            .ToDictionary(t => t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), t => t.Slug);
        var completed = await database.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM survey_responses WHERE survey_id = @Id AND completed_at IS NOT NULL", new { survey.Id }, cancellationToken);
        var min = options.Value.MinCellSize;
        return new SurveyResultsView(
            survey.Id,
            survey.Title,
            min,
            Cell(completed, min),
            [.. survey.Questions.Select((q, i) => Question(q, i, [.. answers.Where(a => a.Question == i)], slugs, min))]);
    }

    private static QuestionResults Question(SurveyQuestion question, int index, IReadOnlyList<AnswerRow> answers, Dictionary<string, string> slugs, int min)
    {
        var values = question.Kind switch
        {
            QuestionKind.SingleChoice or QuestionKind.MultipleChoice => question.Options.Select((_, i) => (Value: i, Label: question.OptionIn(i, Languages.Japanese))),
            QuestionKind.Scale => Enumerable.Range(SurveyQuestion.ScaleMin, SurveyQuestion.ScaleMax).Select(v => (Value: v, Label: v.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            _ => [],
        };
        var byLanguage = answers.GroupBy(a => a.Language).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Group([.. g], values, min));
        var byTopic = answers.SelectMany(a => a.Topics.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(t => (Topic: slugs.GetValueOrDefault(t), Answer: a)))
            .Where(t => t.Topic is not null)
            .GroupBy(t => t.Topic!).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Group([.. g.Select(t => t.Answer)], values, min));
        return new QuestionResults(
            index,
            question.Kind,
            question.TextIn(Languages.Japanese),
            Group(answers, values, min),
            byLanguage,
            byTopic,
            question.Kind == QuestionKind.Text ? [.. answers.Select(a => a.Text).OfType<string>().Where(t => t.Length > 0)] : []);
    }

    /// <summary>The counts among <paramref name="answers"/>: how many answered, and each answer's count and share of them.</summary>
    private static GroupResults Group(IReadOnlyList<AnswerRow> answers, IEnumerable<(int Value, string Label)> values, int min)
    {
        var respondents = answers.Select(a => a.Respondent).Distinct(StringComparer.Ordinal).Count();
        var shown = Cell(respondents, min);
        return new GroupResults(shown, [.. values.Select(v =>
        {
            var count = Cell(answers.Count(a => a.Choice == v.Value), min);
            return new OptionResults(v.Value, v.Label, count, count is { } c && shown is { } n ? Math.Round(100.0 * c / n, 1) : null);
        })]);
    }

    private static long? Cell(long count, int min) => count < min ? null : count;

    private sealed record AnswerRow
    {
        public required string Respondent { get; init; }

        public int Question { get; init; }

        public int Choice { get; init; }

        public string? Text { get; init; }

        public required string Language { get; init; }

        public required string Topics { get; init; }
    }
}

/// <param name="Completed">Citizens who answered the last question; null when fewer than <paramref name="MinCellSize"/>.</param>
public sealed record SurveyResultsView(long SurveyId, string Title, int MinCellSize, long? Completed, IReadOnlyList<QuestionResults> Questions);

/// <param name="Index">0-based.</param>
/// <param name="Texts">A text question's answers, for staff only.</param>
public sealed record QuestionResults(
    int Index, QuestionKind Kind, string Text, GroupResults All,
    IReadOnlyDictionary<string, GroupResults> ByLanguage, IReadOnlyDictionary<string, GroupResults> ByTopic, IReadOnlyList<string> Texts);

/// <param name="Respondents">Who answered the question in this group; null (hidden) below the minimum cell size.</param>
public sealed record GroupResults(long? Respondents, IReadOnlyList<OptionResults> Options);

/// <param name="Value">The option's index, or the scale's value.</param>
/// <param name="Count">Null: hidden, fewer than the minimum cell size.</param>
/// <param name="Percent">Of the group's respondents; null when either is hidden.</param>
public sealed record OptionResults(int Value, string Label, long? Count, double? Percent);
