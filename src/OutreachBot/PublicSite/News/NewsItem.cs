using System.Globalization;
using System.Text.Json;

namespace OutreachBot.PublicSite.News;

/// <summary>A broadcast as the web shows it: what its first run sent, per language, and when.</summary>
public sealed record NewsItem
{
    public long Id { get; init; }

    public required string Title { get; init; }

    /// <summary>The mail subjects (<c>{lang: subject}</c>), which are also the headline per language; null when none were written.</summary>
    public string? Headlines { get; init; }

    /// <summary>The messages per language as the run sent them: <c>{"ja": [...], ...}</c>.</summary>
    public required string MessagesJson { get; init; }

    public DateTimeOffset PublishedAt { get; init; }

    public string? ScheduleEventId { get; init; }

    public string? ReminderEventId { get; init; }

    public IReadOnlyList<string> TopicSlugs { get; init; } = [];

    /// <summary>The calendar event it announces or reminds of, whose page its event cards link to.</summary>
    public long? EventId { get; init; }

    /// <summary>The language it is shown in to a reader of <paramref name="language"/>: theirs when it was written in it, else Japanese.</summary>
    public string ContentLanguage(string language)
    {
        using var messages = JsonDocument.Parse(MessagesJson);
        return messages.RootElement.TryGetProperty(language, out _) ? language : Languages.Japanese;
    }

    public string Headline(string language)
    {
        if (Headlines is not null)
        {
            var subjects = JsonSerializer.Deserialize<Dictionary<string, string>>(Headlines) ?? [];
            if ((subjects.GetValueOrDefault(ContentLanguage(language)) ?? subjects.GetValueOrDefault(Languages.Japanese)) is { Length: > 0 } subject)
            {
                return subject;
            }
        }

        return Title;
    }

    public IReadOnlyList<NewsBlock> Blocks(string language, TimeZoneInfo zone) => NewsBlocks.Read(MessagesJson, ContentLanguage(language), zone);

    internal static long? EventIdOf(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
