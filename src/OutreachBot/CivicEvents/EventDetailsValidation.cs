using OutreachBot.Line.Messaging;
using OutreachBot.Staff;

namespace OutreachBot.CivicEvents;

/// <summary>The checks on <see cref="EventDetails"/>, keyed as the API names the fields.</summary>
internal static class EventDetailsValidation
{
    public const int MaxDescriptionLength = 1000;
    public const int MaxAddressLength = 200;
    public const int MaxShortTextLength = 200;
    public const int MaxAccessibilityLength = 500;
    public const int MaxCapacity = 100_000;
    public const int MaxQuestions = 3;
    public const int MaxQuestionLength = 200;

    /// <summary>Choices of one question, leaving room among LINE's 13 quick replies for 戻る and やめる.</summary>
    public const int MaxChoices = 10;

    public static void Check(CivicEventDraft draft, Dictionary<string, Bilingual[]> errors)
    {
        var d = draft.Details;
        PerLanguage(errors, "descriptions", d.Descriptions, MaxDescriptionLength);
        PerLanguage(errors, "venues", d.Venues, EventValidation.MaxVenueLength);
        Short(errors, "address", d.Address, MaxAddressLength);
        Short(errors, "organizer", d.Organizer, EventValidation.MaxVenueLength);
        Short(errors, "fee", d.Fee, EventValidation.MaxVenueLength);
        Short(errors, "bring", d.Bring, MaxShortTextLength);
        Short(errors, "accessibility", d.Accessibility, MaxAccessibilityLength);
        if (d.Location is { } location && (location.Latitude is < -90 or > 90 || location.Longitude is < -180 or > 180 || double.IsNaN(location.Latitude) || double.IsNaN(location.Longitude)))
        {
            errors["location"] = [new("緯度は-90〜90、経度は-180〜180で入力してください。", "latitude must be -90 to 90 and longitude -180 to 180.")];
        }

        CheckApplications(draft, errors);
        for (var i = 0; i < d.Questions.Count; i++)
        {
            CheckQuestion(errors, $"questions[{i}]", d.Questions[i]);
        }
    }

    private static void CheckApplications(CivicEventDraft draft, Dictionary<string, Bilingual[]> errors)
    {
        var d = draft.Details;
        if (d.Capacity is { } capacity && capacity is < 1 or > MaxCapacity)
        {
            errors["capacity"] = [new($"定員は1〜{MaxCapacity}にしてください（申し込みを受けないときは空欄）。", $"capacity takes 1 to {MaxCapacity} (null when the event takes no applications).")];
        }

        if (d.MaxPartySize is < 1 or > EventValidation.MaxPartySize)
        {
            errors["maxPartySize"] = [new($"1回の申し込み人数は1〜{EventValidation.MaxPartySize}人にしてください。", $"maxPartySize takes 1 to {EventValidation.MaxPartySize}.")];
        }
        else if (d.Capacity is { } seats && d.MaxPartySize > seats)
        {
            errors["maxPartySize"] = [new("1回の申し込み人数が定員を超えています。", "maxPartySize is more than the capacity.")];
        }

        if (d.ApplicationsOpen is { } open && d.ApplicationsClose is { } close && close <= open)
        {
            errors["applicationsClose"] = [new("受付終了は受付開始より後にしてください。", "applicationsClose must be after applicationsOpen.")];
        }
        else if (d.ApplicationsClose > draft.StartsAt)
        {
            errors["applicationsClose"] = [new("受付終了はイベントの開始より前にしてください。", "applicationsClose must not be after startsAt.")];
        }

        if (!d.TakesApplications && (d.Questions.Count > 0 || d.ApplicationsOpen is not null || d.ApplicationsClose is not null || d.MaxPartySize != 1))
        {
            errors["capacity"] = [new("申し込みの設定（質問、受付期間、人数）には定員が必要です。", "Questions, application times and party size need a capacity.")];
        }

        if (d.Questions.Count > MaxQuestions)
        {
            errors["questions"] = [new($"質問は{MaxQuestions}つまでです。", $"At most {MaxQuestions} questions.")];
        }
    }

    private static void CheckQuestion(Dictionary<string, Bilingual[]> errors, string key, EventQuestion question)
    {
        if (question.Kind is not (EventQuestion.Choice or EventQuestion.Number or EventQuestion.Text))
        {
            errors[$"{key}.kind"] = [new("種類は choice（選択）、number（数）、text（短い文）のどれかです。", "kind is choice, number or text.")];
        }

        if (question.Texts is null || !question.Texts.ContainsKey(Languages.Japanese))
        {
            errors[$"{key}.texts.ja"] = [new("日本語の質問文は必須です。", "A Japanese question is required.")];
        }
        else
        {
            PerLanguage(errors, $"{key}.texts", question.Texts, MaxQuestionLength);
        }

        var choices = question.Choices ?? [];
        if (question.Kind == EventQuestion.Choice && choices.Count is < 2 or > MaxChoices)
        {
            errors[$"{key}.choices"] = [new($"選択肢は2〜{MaxChoices}個にしてください。", $"A choice question takes 2 to {MaxChoices} choices.")];
        }
        else if (question.Kind != EventQuestion.Choice && choices.Count > 0)
        {
            errors[$"{key}.choices"] = [new("選択肢は種類が choice の質問だけに付けられます。", "Only a choice question has choices.")];
        }

        for (var c = 0; c < choices.Count; c++)
        {
            if (choices[c] is not { } labels || !labels.ContainsKey(Languages.Japanese))
            {
                errors[$"{key}.choices[{c}].ja"] = [new("日本語の選択肢は必須です。", "A Japanese label is required.")];
                continue;
            }

            PerLanguage(errors, $"{key}.choices[{c}]", labels, LineLimits.ActionLabel);
        }
    }

    private static void PerLanguage(Dictionary<string, Bilingual[]> errors, string key, IReadOnlyDictionary<string, string> texts, int maxLength)
    {
        foreach (var (language, text) in texts)
        {
            if (!Languages.IsSupported(language))
            {
                errors[$"{key}.{language}"] = [new($"対応していない言語です（{string.Join(", ", Languages.Supported.Select(l => l.Code))}）。", "Unsupported language.")];
            }
            else if (string.IsNullOrWhiteSpace(text) || text.Length > maxLength)
            {
                errors[$"{key}.{language}"] = [new($"1〜{maxLength}文字で入力してください。", $"Use 1 to {maxLength} characters.")];
            }
        }
    }

    private static void Short(Dictionary<string, Bilingual[]> errors, string key, string? text, int maxLength)
    {
        if (text is not null && (string.IsNullOrWhiteSpace(text) || text.Length > maxLength))
        {
            errors[key] = [new($"{maxLength}文字以内で入力してください。", $"Use at most {maxLength} characters.")];
        }
    }
}
