using System.Globalization;
using System.Text.Json;

namespace OutreachBot.Broadcasts.Authoring;

/// <summary>
/// A broadcast as the staff API receives it. <c>schedule</c>: <c>at</c> (ISO 8601; without an offset it is read in
/// <c>Bot:TimeZone</c>), <c>cron</c> (Quartz, in <c>Bot:TimeZone</c>), <c>beforeEvent</c> {<c>eventId</c>,
/// <c>offset</c>: ISO 8601 duration}, or absent for now. <c>target.reminderOf</c> sends to the citizens who asked to
/// be reminded of that event instead of topic subscribers. <c>draft</c> saves without scheduling. <c>channels</c>: any
/// of <c>line</c>, <c>mail</c>, <c>web</c>, <c>facebook</c>, <c>instagram</c> (default <c>["line"]</c>); <c>mail.subject</c>:
/// the mail's subject per language; <c>social</c>: the Facebook and Instagram posts' own text and quiet hours.
/// </summary>
public sealed record BroadcastInput(
    string? Title,
    Dictionary<string, JsonElement>? Messages,
    TargetInput? Target,
    ScheduleInput? Schedule,
    bool? Urgent,
    bool? Draft,
    List<string>? Channels = null,
    MailInput? Mail = null,
    SocialInput? Social = null);

/// <param name="Text">The post's text in place of the one built from the Japanese messages.</param>
/// <param name="Languages">Other languages whose messages' text is added below it, in this order.</param>
/// <param name="HoldInQuietHours">True: a post due in quiet hours waits until they end (by default posts go at once).</param>
public sealed record SocialInput(string? Text, List<string>? Languages, bool? HoldInQuietHours);

/// <param name="Subject">Per language, at most 200 characters on one line; a language without one uses the title.</param>
public sealed record MailInput(Dictionary<string, string>? Subject);

public sealed record TargetInput(List<string>? Topics, string? Match, List<string>? Languages, List<string>? Districts, string? ReminderOf)
{
    /// <summary><c>{"all": true}</c>: every follower, whatever their topics; urgent, in disaster mode or a drill only.</summary>
    public bool? All { get; init; }

    /// <summary>Only citizens in these age bands (<c>10s</c> … <c>70s</c>, <c>80+</c>); empty or absent: any.</summary>
    public List<string>? AgeBands { get; init; }

    /// <summary>Only citizens with any of these skills (slugs of the city's list); empty or absent: any.</summary>
    public List<string>? Skills { get; init; }

    /// <summary>Only citizens free on any of these days (<c>mon</c> … <c>sun</c>); empty or absent: any.</summary>
    public List<string>? FreeDays { get; init; }
}

public sealed record ScheduleInput(string? At, string? Cron, BeforeEventInput? BeforeEvent);

public sealed record BeforeEventInput(string? EventId, string? Offset);

public static class BroadcastInputText
{
    /// <summary>An ISO 8601 instant; one without an offset is wall-clock time in <paramref name="zone"/> (staff write JST).</summary>
    public static bool TryReadInstant(string text, TimeZoneInfo zone, out DateTimeOffset instant)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || System.Text.RegularExpressions.Regex.IsMatch(text, @"[+-]\d{2}:?\d{2}$");
        if (hasOffset)
        {
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);
        }

        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return false;
        }

        instant = new DateTimeOffset(local, zone.GetUtcOffset(local));
        return true;
    }

    /// <summary>An ISO 8601 duration such as <c>PT24H</c> or <c>P1D</c>.</summary>
    public static bool TryReadDuration(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        try
        {
            duration = System.Xml.XmlConvert.ToTimeSpan(text);
            return duration >= TimeSpan.Zero;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
