using System.Text.RegularExpressions;

namespace OutreachBot.LineEmulator.Chat;

/// <summary>Creates a citizen, or changes the name or language of one that exists. A missing user id gets a random one.</summary>
public sealed record CreateCitizenRequest(string? UserId, string? DisplayName, string? Language);

/// <param name="Type"><c>text</c> (the default), <c>sticker</c> or <c>location</c>.</param>
public sealed record SendMessageRequest(
    string? Type,
    string? Text,
    string? PackageId,
    string? StickerId,
    string? Title,
    string? Address,
    double? Latitude,
    double? Longitude);

/// <param name="Params">For a datetimepicker: one of <c>date</c>, <c>time</c>, <c>datetime</c>, in LINE's formats.</param>
/// <param name="DisplayText">The action's <c>displayText</c>, shown in the chat as the citizen's words.</param>
public sealed record PostbackRequest(string? Data, Dictionary<string, string>? Params, string? DisplayText);

/// <param name="WebhookEventId">The event to send again; the citizen's last event when absent.</param>
public sealed record RedeliverRequest(string? WebhookEventId);

/// <summary>A chat page showed the bot's line <paramref name="Sequence"/>: an impression, when it was sent under an aggregation unit.</summary>
public sealed record SeenRequest(long Sequence);

/// <summary>The citizen opened <paramref name="Url"/> from the bot's line <paramref name="Sequence"/>: a click, as for <see cref="SeenRequest"/>.</summary>
public sealed record OpenedRequest(long Sequence, string? Url);

/// <summary>The limits the LINE app puts on what a person can send; each returns an error message or null.</summary>
internal static partial class ChatRules
{
    /// <summary>The LINE app takes up to 10,000 characters in one message.</summary>
    public const int MaxTextLength = 10_000;
    public const int MaxDisplayNameLength = 20;
    public const int MaxPostbackDataLength = 300;

    private static readonly HashSet<string> PostbackParams = new(StringComparer.Ordinal)
    {
        "date", "time", "datetime", "newRichMenuAliasId", "status",
    };

    public static string? Citizen(CreateCitizenRequest request)
    {
        if (request.UserId is not null && !ChatIds.IsUserId(request.UserId))
        {
            return "userId must be 'U' followed by 32 lower-case hex digits (or absent for a random one).";
        }

        if (request.DisplayName is { } name && (name.Trim().Length == 0 || name.Length > MaxDisplayNameLength || !IsWellFormed(name)))
        {
            return $"displayName must have 1 to {MaxDisplayNameLength} characters.";
        }

        return request.Language is not null && !LanguagePattern().IsMatch(request.Language)
            ? "language must be a language tag such as ja, en, vi, pt-BR, zh-Hans or ko."
            : null;
    }

    public static string? Text(string? text) => text switch
    {
        null or "" => "text must not be empty.",
        { Length: > MaxTextLength } => $"text is longer than {MaxTextLength} characters.",
        _ when !IsWellFormed(text) => "text is not well-formed Unicode.",
        _ => null,
    };

    public static string? Sticker(string packageId, string stickerId) =>
        DigitsPattern().IsMatch(packageId) && DigitsPattern().IsMatch(stickerId) ? null : "packageId and stickerId must be digits.";

    public static string? Location(SendMessageRequest request)
    {
        if (request.Latitude is not (>= -90 and <= 90) || request.Longitude is not (>= -180 and <= 180))
        {
            return "latitude (-90..90) and longitude (-180..180) are required.";
        }

        return (request.Title?.Length ?? 0) > 100 || (request.Address?.Length ?? 0) > 100
            ? "title and address have at most 100 characters."
            : null;
    }

    public static string? Postback(PostbackRequest request)
    {
        if (string.IsNullOrEmpty(request.Data) || request.Data.Length > MaxPostbackDataLength)
        {
            return $"data must have 1 to {MaxPostbackDataLength} characters.";
        }

        if (request.Params?.Keys.Any(k => !PostbackParams.Contains(k)) == true)
        {
            return "params may hold only date, time, datetime, newRichMenuAliasId and status.";
        }

        if (request.Params?.Values.Any(v => v is null || v.Length > 100) == true)
        {
            return "params values must be strings of at most 100 characters.";
        }

        return request.DisplayText is { Length: > MaxPostbackDataLength } ? "displayText is too long." : null;
    }

    /// <summary>A lone surrogate cannot be sent as UTF-8, so LINE could never deliver it.</summary>
    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguagePattern();

    [GeneratedRegex("^[0-9]{1,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex DigitsPattern();
}
