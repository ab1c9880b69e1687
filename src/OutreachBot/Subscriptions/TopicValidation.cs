using System.Text.RegularExpressions;

namespace OutreachBot.Subscriptions;

/// <summary>Checks a topic as staff wrote it; errors are keyed by field, in the form the API and console show them.</summary>
public static partial class TopicValidation
{
    public const int MaxNameLength = 40;
    public const int MaxDescriptionLength = 200;

    public static Dictionary<string, Bilingual[]> Check(TopicDraft draft)
    {
        var errors = new Dictionary<string, Bilingual[]>();
        if (!SlugPattern().IsMatch(draft.Slug))
        {
            errors["slug"] = [new("1〜40文字の半角英小文字・数字・ハイフンで入力してください。", "Use 1-40 lowercase letters, digits and hyphens.")];
        }

        if (draft.Names is null || !draft.Names.ContainsKey(Languages.Japanese))
        {
            errors["names.ja"] = [new("日本語の名前は必須です。", "A Japanese name is required.")];
        }

        CheckTexts(draft.Names, "names", MaxNameLength, required: true, errors);
        CheckTexts(draft.Descriptions, "descriptions", MaxDescriptionLength, required: false, errors);
        if (draft.Order < 0)
        {
            errors["order"] = [new("0以上の数を入力してください。", "Use 0 or more.")];
        }

        if (draft.ParentSlug == draft.Slug)
        {
            errors["parent"] = [new("自分自身を親にはできません。", "A topic cannot be its own parent.")];
        }

        return errors;
    }

    private static void CheckTexts(IReadOnlyDictionary<string, string>? texts, string field, int maxLength, bool required, Dictionary<string, Bilingual[]> errors)
    {
        foreach (var (language, text) in texts ?? new Dictionary<string, string>())
        {
            var key = $"{field}.{language}";
            if (!Languages.IsSupported(language))
            {
                errors[key] = [new($"対応していない言語です（{string.Join(", ", Languages.Supported.Select(l => l.Code))}）。", "Unsupported language.")];
            }
            else if (required && string.IsNullOrWhiteSpace(text))
            {
                errors[key] = [new("空にはできません。", "Must not be empty.")];
            }
            else if (text?.Length > maxLength)
            {
                errors[key] = [new($"{maxLength}文字以内で入力してください（現在{text.Length}文字）。", $"At most {maxLength} characters.")];
            }
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex SlugPattern();
}
