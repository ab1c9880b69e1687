using OutreachBot.Line.Messaging;
using OutreachBot.Staff;

namespace OutreachBot.CivicEvents;

/// <summary>What staff may write into an event, checked before it is stored. Messages in Japanese and English, as topics'.</summary>
public static class EventValidation
{
    public const int MaxTitleLength = 100;
    public const int MaxVenueLength = 100;

    /// <summary>People one application may bring; the chat offers each size as a quick reply, beside 戻る and やめる.</summary>
    public const int MaxPartySize = 10;

    /// <summary>LINE's Flex image URLs: HTTPS, at most 2,000 characters.</summary>
    public const int MaxImageUrlLength = 2000;

    public static Dictionary<string, Bilingual[]> Check(CivicEventDraft draft)
    {
        var errors = new Dictionary<string, Bilingual[]>();
        if (!draft.Titles.ContainsKey(Languages.Japanese))
        {
            errors["titles.ja"] = [new("日本語のタイトルは必須です。", "A Japanese title is required.")];
        }

        foreach (var (language, title) in draft.Titles)
        {
            if (!Languages.IsSupported(language))
            {
                errors[$"titles.{language}"] = [new($"対応していない言語です（{string.Join(", ", Languages.Supported.Select(l => l.Code))}）。", "Unsupported language.")];
            }
            else if (string.IsNullOrWhiteSpace(title) || title.Length > MaxTitleLength)
            {
                errors[$"titles.{language}"] = [new($"1〜{MaxTitleLength}文字で入力してください。", $"Use 1 to {MaxTitleLength} characters.")];
            }
        }

        if (string.IsNullOrWhiteSpace(draft.Venue) || draft.Venue.Length > MaxVenueLength)
        {
            errors["venue"] = [new($"会場は1〜{MaxVenueLength}文字で入力してください。", $"The venue takes 1 to {MaxVenueLength} characters.")];
        }

        if (draft.EndsAt is { } ends && ends <= draft.StartsAt)
        {
            errors["endsAt"] = [new("終了は開始より後にしてください。", "endsAt must be after startsAt.")];
        }

        if (draft.Url is not null && !IsHttpUrl(draft.Url, LineLimits.UriLength, httpsOnly: false))
        {
            errors["url"] = [new($"http(s)で始まる{LineLimits.UriLength}文字以内のURLにしてください。", $"An http(s) URL of at most {LineLimits.UriLength} characters.")];
        }

        if (draft.ImageUrl is not null && !IsHttpUrl(draft.ImageUrl, MaxImageUrlLength, httpsOnly: true))
        {
            errors["imageUrl"] = [new($"httpsで始まる{MaxImageUrlLength}文字以内のURLにしてください。", $"An https URL of at most {MaxImageUrlLength} characters (LINE shows images over HTTPS only).")];
        }

        EventDetailsValidation.Check(draft, errors);
        return errors;
    }

    private static bool IsHttpUrl(string url, int maxLength, bool httpsOnly) =>
        url.Length <= maxLength
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (!httpsOnly && uri.Scheme == Uri.UriSchemeHttp));
}
