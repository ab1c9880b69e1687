using System.Globalization;
using OutreachBot.CivicEvents;

namespace OutreachBot.Pages.Events;

/// <summary>The event form's details and application settings as typed; numbers and times as text, read with the API's checks.</summary>
public sealed class EventDetailsForm
{
    public const int QuestionSlots = 3;

    public Dictionary<string, string?> Descriptions { get; set; } = [];

    /// <summary>The venue in languages other than Japanese.</summary>
    public Dictionary<string, string?> Venues { get; set; } = [];

    public string? Address { get; set; }

    public string? Latitude { get; set; }

    public string? Longitude { get; set; }

    public string? Organizer { get; set; }

    public string? Fee { get; set; }

    public string? Bring { get; set; }

    public string? Accessibility { get; set; }

    public string? Capacity { get; set; }

    public string? MaxPartySize { get; set; }

    public string? OpenDate { get; set; }

    public string? OpenTime { get; set; }

    public string? CloseDate { get; set; }

    public string? CloseTime { get; set; }

    public List<QuestionForm> Questions { get; set; } = [.. Enumerable.Range(0, QuestionSlots).Select(_ => new QuestionForm())];

    public static EventDetailsForm From(EventDetails d, TimeZoneInfo zone)
    {
        var form = new EventDetailsForm
        {
            Descriptions = d.Descriptions.ToDictionary(t => t.Key, t => (string?)t.Value),
            Venues = d.Venues.ToDictionary(t => t.Key, t => (string?)t.Value),
            Address = d.Address,
            Latitude = d.Location?.Latitude.ToString(CultureInfo.InvariantCulture),
            Longitude = d.Location?.Longitude.ToString(CultureInfo.InvariantCulture),
            Organizer = d.Organizer,
            Fee = d.Fee,
            Bring = d.Bring,
            Accessibility = d.Accessibility,
            Capacity = d.Capacity?.ToString(CultureInfo.InvariantCulture),
            MaxPartySize = d.TakesApplications ? d.MaxPartySize.ToString(CultureInfo.InvariantCulture) : null,
        };
        (form.OpenDate, form.OpenTime) = Split(d.ApplicationsOpen, zone);
        (form.CloseDate, form.CloseTime) = Split(d.ApplicationsClose, zone);
        for (var i = 0; i < d.Questions.Count && i < QuestionSlots; i++)
        {
            form.Questions[i] = QuestionForm.From(d.Questions[i]);
        }

        return form;
    }

    /// <summary>Fills the detail fields of <paramref name="input"/>; what is not a number or a whole time is named in <paramref name="errors"/>.</summary>
    public EventInput Into(EventInput input, Dictionary<string, Bilingual[]> errors)
    {
        var latitude = Number(Latitude, "location", errors);
        var longitude = Number(Longitude, "location", errors);
        return input with
        {
            Descriptions = Texts(Descriptions),
            Venues = Texts(Venues),
            Address = Address,
            Location = Filled(Latitude) || Filled(Longitude) ? new LocationInput(latitude, longitude) : null,
            Organizer = Organizer,
            Fee = Fee,
            Bring = Bring,
            Accessibility = Accessibility,
            Capacity = (int?)Number(Capacity, "capacity", errors),
            MaxPartySize = (int?)Number(MaxPartySize, "maxPartySize", errors),
            ApplicationsOpen = Instant(OpenDate, OpenTime, "applicationsOpen", errors),
            ApplicationsClose = Instant(CloseDate, CloseTime, "applicationsClose", errors),
            Questions = [.. Questions.Where(q => q.IsFilled).Select(q => q.ToQuestion())],
        };
    }

    private static (string? Date, string? Time) Split(DateTimeOffset? instant, TimeZoneInfo zone) =>
        instant is { } at
            ? (TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), TimeZoneInfo.ConvertTime(at, zone).ToString("HH:mm", CultureInfo.InvariantCulture))
            : (null, null);

    private static double? Number(string? text, string key, Dictionary<string, Bilingual[]> errors)
    {
        if (!Filled(text))
        {
            return null;
        }

        if (double.TryParse(text!.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && (key == "location" || value == Math.Floor(value)) && Math.Abs(value) < int.MaxValue)
        {
            return value;
        }

        errors[key] = [new("数字で入力してください。", "Enter a number.")];
        return null;
    }

    private static string? Instant(string? date, string? time, string key, Dictionary<string, Bilingual[]> errors)
    {
        if (Filled(date) && Filled(time))
        {
            return $"{date!.Trim()}T{time!.Trim()}";
        }

        if (Filled(date) || Filled(time))
        {
            errors[key] = [new("日付と時刻の両方を入力するか、両方とも空にしてください。", "Give both the date and time, or neither.")];
        }

        return null;
    }

    internal static Dictionary<string, string> Texts(Dictionary<string, string?> texts) =>
        texts.Where(t => Filled(t.Value)).ToDictionary(t => t.Key, t => t.Value!.Trim());

    internal static bool Filled(string? text) => !string.IsNullOrWhiteSpace(text);
}

/// <summary>One question slot: its kind, its text per language, and for a choice one label a line per language (line n is choice n).</summary>
public sealed class QuestionForm
{
    public string? Kind { get; set; }

    public Dictionary<string, string?> Texts { get; set; } = [];

    public Dictionary<string, string?> Choices { get; set; } = [];

    public bool IsFilled => EventDetailsForm.Filled(Kind) || Texts.Values.Any(EventDetailsForm.Filled);

    public static QuestionForm From(EventQuestion q) => new()
    {
        Kind = q.Kind,
        Texts = q.Texts.ToDictionary(t => t.Key, t => (string?)t.Value),
        Choices = (q.Choices ?? []).SelectMany(c => c.Keys).Distinct()
            .ToDictionary(language => language, language => (string?)string.Join('\n', (q.Choices ?? []).Select(c => c.GetValueOrDefault(language) ?? ""))),
    };

    public EventQuestion ToQuestion()
    {
        var lines = EventDetailsForm.Texts(Choices).ToDictionary(
            c => c.Key, c => c.Value.Split('\n').Select(line => line.Trim()).ToList());
        var count = lines.GetValueOrDefault(Languages.Japanese)?.Count ?? 0;
        var choices = Enumerable.Range(0, count)
            .Select(i => (IReadOnlyDictionary<string, string>)lines.Where(l => i < l.Value.Count && l.Value[i].Length > 0).ToDictionary(l => l.Key, l => l.Value[i]))
            .ToList();
        return new EventQuestion(Kind?.Trim() ?? "", EventDetailsForm.Texts(Texts), Kind == EventQuestion.Choice ? choices : null);
    }
}
