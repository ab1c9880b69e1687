using System.Globalization;
using OutreachBot.CivicEvents;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Events;

/// <summary>The event form as typed: dates and times as the browser's date and time fields send them, read in Bot:TimeZone.</summary>
public sealed class EventForm
{
    public Dictionary<string, string?> Titles { get; set; } = [];

    public string? StartDate { get; set; }

    public string? StartTime { get; set; }

    public string? EndDate { get; set; }

    public string? EndTime { get; set; }

    public string? Venue { get; set; }

    public string? Url { get; set; }

    public string? ImageUrl { get; set; }

    public string? Topic { get; set; }

    public EventDetailsForm Details { get; set; } = new();

    public static EventForm From(CivicEvent e, TimeZoneInfo zone)
    {
        var starts = TimeZoneInfo.ConvertTime(e.StartsAt, zone);
        var ends = e.EndsAt is { } end ? TimeZoneInfo.ConvertTime(end, zone) : (DateTimeOffset?)null;
        return new EventForm
        {
            Titles = e.Titles.ToDictionary(t => t.Key, t => (string?)t.Value),
            StartDate = starts.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            StartTime = starts.ToString("HH:mm", CultureInfo.InvariantCulture),
            EndDate = ends?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            EndTime = ends?.ToString("HH:mm", CultureInfo.InvariantCulture),
            Venue = e.Venue,
            Url = e.Url,
            ImageUrl = e.ImageUrl,
            Topic = e.TopicSlug,
            Details = EventDetailsForm.From(e.Details, zone),
        };
    }

    /// <summary>The draft the API would make of the same values, with the API's checks; errors keyed as the API keys them.</summary>
    public (CivicEventDraft? Draft, Dictionary<string, Bilingual[]> Errors) ToDraft(TimeZoneInfo zone, bool cancelled)
    {
        var errors = new Dictionary<string, Bilingual[]>();
        var startsAt = Instant(StartDate, StartTime);
        var endsAt = Instant(EndDate, EndTime);
        if (startsAt is null)
        {
            errors["startsAt"] = [new("開始の日付と時刻を入力してください。", "Enter the start date and time.")];
        }

        if (endsAt is null && (Filled(EndDate) || Filled(EndTime)))
        {
            errors["endsAt"] = [new("終了は日付と時刻の両方を入力するか、両方とも空にしてください。", "Give both the end date and time, or neither.")];
        }

        var titles = Titles.Where(t => Filled(t.Value)).ToDictionary(t => t.Key, t => t.Value!.Trim());
        // A stand-in start when none was given, so that the other fields' errors are shown at the same time.
        var input = Details.Into(new EventInput(titles, startsAt ?? "2000-01-01T00:00", endsAt, Venue, Url, ImageUrl, Topic, cancelled), errors);
        var (draft, checks) = input.ToDraft(zone);
        foreach (var (key, messages) in checks)
        {
            errors.TryAdd(key, key is "startsAt" or "endsAt" ? [new("日付と時刻を正しく入力してください。", "Enter a valid date and time.")] : messages);
        }

        return (errors.Count == 0 ? draft : null, errors);
    }

    private static string? Instant(string? date, string? time) =>
        Filled(date) && Filled(time) ? $"{date!.Trim()}T{time!.Trim()}" : null;

    private static bool Filled(string? text) => !string.IsNullOrWhiteSpace(text);
}
