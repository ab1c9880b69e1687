using OutreachBot.Staff;

namespace OutreachBot.CivicEvents;

/// <summary>Reads the detail fields of an <see cref="EventInput"/>; what cannot be read is named in the errors.</summary>
internal static class DetailsInput
{
    public static EventDetails ToDetails(EventInput input, TimeZoneInfo zone, Dictionary<string, Bilingual[]> errors)
    {
        var venues = Trimmed(input.Venues);
        if (venues.Remove(Languages.Japanese, out var japanese) && EventInput.Blank(input.Venue) is { } venue && venue != japanese)
        {
            errors["venues.ja"] = [new("venues.ja と venue が違います。どちらか一方にするか、同じにしてください。", "venues.ja differs from venue: give one of them, or both the same.")];
        }

        GeoLocation? location = null;
        if (input.Location is { } point)
        {
            if (point.Latitude is { } latitude && point.Longitude is { } longitude)
            {
                location = new GeoLocation(latitude, longitude);
            }
            else
            {
                errors["location"] = [new("緯度（latitude）と経度（longitude）の両方を入力してください。", "location needs both latitude and longitude.")];
            }
        }

        return new EventDetails
        {
            Descriptions = Trimmed(input.Descriptions),
            Venues = venues,
            Address = EventInput.Blank(input.Address),
            Location = location,
            Organizer = EventInput.Blank(input.Organizer),
            Fee = EventInput.Blank(input.Fee),
            Bring = EventInput.Blank(input.Bring),
            Accessibility = EventInput.Blank(input.Accessibility),
            Capacity = input.Capacity,
            MaxPartySize = input.MaxPartySize ?? 1,
            ApplicationsOpen = Instant(input.ApplicationsOpen, "applicationsOpen", zone, errors),
            ApplicationsClose = Instant(input.ApplicationsClose, "applicationsClose", zone, errors),
            Questions = input.Questions?.Select(Clean).ToList() ?? [],
        };
    }

    private static EventQuestion Clean(EventQuestion question) => question with
    {
        Kind = question.Kind?.Trim().ToLowerInvariant() ?? "",
        Texts = Trimmed(question.Texts),
        Choices = question.Choices?.Select(c => (IReadOnlyDictionary<string, string>)Trimmed(c)).ToList(),
    };

    private static DateTimeOffset? Instant(string? text, string key, TimeZoneInfo zone, Dictionary<string, Bilingual[]> errors)
    {
        if (EventInput.Blank(text) is null)
        {
            return null;
        }

        var instant = EventsApi.ParseInstant(text!.Trim(), zone);
        if (instant is null)
        {
            errors[key] = [new("ISO 8601形式の日時で入力してください。", $"{key} must be an ISO 8601 date and time.")];
        }

        return instant;
    }

    /// <summary>Blank texts dropped (so a blank language falls back to Japanese), the rest trimmed.</summary>
    private static Dictionary<string, string> Trimmed(IReadOnlyDictionary<string, string>? texts) =>
        texts?.Where(t => !string.IsNullOrWhiteSpace(t.Value)).ToDictionary(t => t.Key, t => t.Value.Trim()) ?? [];
}
