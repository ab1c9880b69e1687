using OutreachBot.Surveys;

namespace OutreachBot.Pages.Surveys;

/// <summary>
/// The survey builder as typed: ten question slots, each with its kind, its text per language and its options one a
/// line per language (line n of each language is option n). Slots after the last one written are left out.
/// </summary>
public sealed class SurveyForm
{
    public string? Title { get; set; }

    /// <summary>As a datetime-local input sends it, in <c>Bot:TimeZone</c>.</summary>
    public string? ClosesAt { get; set; }

    public bool Anonymous { get; set; }

    public List<QuestionForm> Questions { get; set; } = [.. Enumerable.Range(0, SurveyInput.MaxQuestions).Select(_ => new QuestionForm())];

    public SurveyInput ToInput()
    {
        var written = Questions.FindLastIndex(q => q.IsWritten) + 1;
        return new SurveyInput(Title, [.. Questions.Take(written).Select(q => q.ToInput())], Anonymous, ClosesAt);
    }
}

public sealed class QuestionForm
{
    public string? Kind { get; set; } = "single";

    public Dictionary<string, string?> Texts { get; set; } = [];

    /// <summary>Per language, the options one a line.</summary>
    public Dictionary<string, string?> Options { get; set; } = [];

    public bool IsWritten => Texts.Values.Concat(Options.Values).Any(t => !string.IsNullOrWhiteSpace(t));

    public QuestionInput ToInput()
    {
        var lines = Options.ToDictionary(o => o.Key, o => (o.Value ?? "").Split('\n', StringSplitOptions.TrimEntries));
        var count = Kind is "single" or "multiple" ? lines.GetValueOrDefault(Languages.Japanese)?.Count(l => l.Length > 0) ?? 0 : 0;
        var options = Enumerable.Range(0, count)
            .Select(i => (Dictionary<string, string?>?)lines.ToDictionary(l => l.Key, l => (string?)(i < l.Value.Length ? l.Value[i] : null)))
            .ToList();
        return new QuestionInput(Kind, Texts, options);
    }
}
