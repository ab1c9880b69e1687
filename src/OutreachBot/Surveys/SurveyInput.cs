namespace OutreachBot.Surveys;

/// <summary>A survey as staff send it (<c>POST /api/v1/surveys</c> and the console's form).</summary>
/// <param name="ClosesAt">ISO 8601; without an offset, in <c>Bot:TimeZone</c>. None: open until staff close it.</param>
public sealed record SurveyInput(string? Title, List<QuestionInput?>? Questions, bool? Anonymous, string? ClosesAt)
{
    public const int MaxTitleLength = 100;
    public const int MaxQuestions = 10;
    public const int MaxQuestionLength = 500;
    public const int MinOptions = 2;
    public const int MaxOptions = 20;
    public const int MaxOptionLength = 80;

    public (SurveyDraft? Draft, Dictionary<string, Bilingual[]> Errors) ToDraft(TimeZoneInfo zone, DateTimeOffset now)
    {
        var errors = new Dictionary<string, Bilingual[]>();
        var title = Title?.Trim() ?? "";
        if (title.Length is 0 or > MaxTitleLength)
        {
            errors["title"] = [new($"題名は1〜{MaxTitleLength}文字です。", $"The title takes 1 to {MaxTitleLength} characters.")];
        }

        var questions = Questions ?? [];
        if (questions.Count is 0 or > MaxQuestions)
        {
            errors["questions"] = [new($"質問は1〜{MaxQuestions}問です。", $"Give 1 to {MaxQuestions} questions.")];
        }

        var built = questions.Take(MaxQuestions).Select((q, i) => (q ?? new QuestionInput(null, null, null)).ToQuestion($"questions[{i}]", errors)).ToList();
        var closesAt = ClosesAtIn(zone, errors, now);
        return errors.Count > 0 ? (null, errors) : (new SurveyDraft(title, built!, Anonymous ?? false, closesAt), errors);
    }

    private DateTimeOffset? ClosesAtIn(TimeZoneInfo zone, Dictionary<string, Bilingual[]> errors, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(ClosesAt))
        {
            return null;
        }

        if (CivicEvents.EventsApi.ParseInstant(ClosesAt, zone) is not { } closesAt)
        {
            errors["closesAt"] = [new("締切は ISO 8601 の日時で入力してください（例: 2030-07-01T17:00）。", "closesAt takes an ISO 8601 date and time (e.g. 2030-07-01T17:00).")];
            return null;
        }

        if (closesAt <= now)
        {
            errors["closesAt"] = [new("締切は今より後にしてください。", "closesAt must be in the future.")];
        }

        return closesAt;
    }
}

/// <param name="Kind"><c>single</c>, <c>multiple</c>, <c>scale</c> (1–5) or <c>text</c>.</param>
/// <param name="Texts">The question per language; <c>ja</c> required.</param>
/// <param name="Options">For single and multiple: 2–20 options, each its text per language (<c>ja</c> required).</param>
public sealed record QuestionInput(string? Kind, Dictionary<string, string?>? Texts, List<Dictionary<string, string?>?>? Options)
{
    internal SurveyQuestion? ToQuestion(string field, Dictionary<string, Bilingual[]> errors)
    {
        QuestionKind? kind = Kind switch
        {
            "single" => QuestionKind.SingleChoice,
            "multiple" => QuestionKind.MultipleChoice,
            "scale" => QuestionKind.Scale,
            "text" => QuestionKind.Text,
            _ => null,
        };
        if (kind is null)
        {
            errors[$"{field}.kind"] = [new("種類は single, multiple, scale, text のどれかです。", "kind is one of single, multiple, scale, text.")];
        }

        var texts = PerLanguage(Texts, $"{field}.texts", SurveyInput.MaxQuestionLength, errors);
        var options = (Options ?? []).Select((o, i) => PerLanguage(o, $"{field}.options[{i}]", SurveyInput.MaxOptionLength, errors)).ToList();
        var choice = kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice;
        if (choice && options.Count is < SurveyInput.MinOptions or > SurveyInput.MaxOptions)
        {
            errors[$"{field}.options"] = [new($"選択肢は{SurveyInput.MinOptions}〜{SurveyInput.MaxOptions}個です。", $"Give {SurveyInput.MinOptions} to {SurveyInput.MaxOptions} options.")];
        }
        else if (kind is QuestionKind.Scale or QuestionKind.Text && options.Count > 0)
        {
            errors[$"{field}.options"] = [new("尺度と自由記述の質問に選択肢はありません。", "Scale and text questions take no options.")];
        }

        return kind is { } k && texts is not null && options.All(o => o is not null) ? new SurveyQuestion(k, texts, options!) : null;
    }

    /// <summary>Texts per supported language, blank ones left out, Japanese required; null (with errors) otherwise.</summary>
    private static Dictionary<string, string>? PerLanguage(Dictionary<string, string?>? texts, string field, int maxLength, Dictionary<string, Bilingual[]> errors)
    {
        var given = (texts ?? []).Where(t => !string.IsNullOrWhiteSpace(t.Value)).ToDictionary(t => t.Key, t => t.Value!.Trim());
        if (given.Keys.FirstOrDefault(l => !Languages.IsSupported(l)) is { } unknown)
        {
            errors[$"{field}.{unknown}"] = [new($"対応していない言語です（{string.Join(", ", Languages.Supported.Select(l => l.Code))}）。", "Unsupported language.")];
            return null;
        }

        if (!given.ContainsKey(Languages.Japanese))
        {
            errors[$"{field}.ja"] = [new("日本語は必須です。", "Japanese is required.")];
            return null;
        }

        if (given.FirstOrDefault(t => t.Value.Length > maxLength) is { Key: { } tooLong })
        {
            errors[$"{field}.{tooLong}"] = [new($"{maxLength}文字以内です。", $"At most {maxLength} characters.")];
            return null;
        }

        return given;
    }
}
