using System.Globalization;
using System.Text;

namespace OutreachBot.Privacy;

/// <summary>
/// A citizen's data as readable texts in their language, dates in <c>Bot:TimeZone</c>: over as many messages as it
/// needs, up to the five one reply carries, each within LINE's 5,000 characters. What does not fit even then is
/// counted in the last one, which says how to ask the office for all of it, so nothing is left out unsaid.
/// </summary>
public static class CitizenDataMessage
{
    private const int MaxMessages = 5;

    public static IReadOnlyList<string> Of(BotTexts t, CitizenData data, TimeZoneInfo zone)
    {
        var none = t[PrivacyTextKeys.None];
        string Day(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string List(IReadOnlyList<string> items) => items.Count == 0 ? none : string.Join(t.Culture.TextInfo.ListSeparator + " ", items);

        var lines = new List<string> { t[PrivacyTextKeys.Intro], string.Empty };
        var profile = data.Profile;
        var language = Languages.Supported.FirstOrDefault(l => l.Code == profile.Language).Name ?? profile.Language;
        lines.Add(t.Format(PrivacyTextKeys.Language, language));
        lines.Add(t.Format(PrivacyTextKeys.DisplayName, profile.DisplayName ?? none));
        if (profile.District is { } district)
        {
            lines.Add(t.Format(PrivacyTextKeys.District, district));
        }

        if (data.HeldProfile is { } held)
        {
            lines.Add(Profiles.ProfileMessages.OwnData(t, held, zone));
        }

        lines.Add(t.Format(PrivacyTextKeys.Since, Day(profile.FirstFollowedAt)));
        lines.Add(t.Format(PrivacyTextKeys.Topics, List(data.Topics)));
        lines.Add(t.Format(PrivacyTextKeys.Reminders, List(data.Reminders)));
        lines.Add(t[PrivacyTextKeys.Applications] + (data.Applications.Count == 0 ? " " + none : ""));
        foreach (var a in data.Applications)
        {
            lines.Add(t.Format(PrivacyTextKeys.Application, a.EventTitle, a.Number, a.PartySize, t[PrivacyTextKeys.Status(a.Status)]));
            if (a.Name is not null || a.Phone is not null)
            {
                lines.Add(t.Format(PrivacyTextKeys.Applicant, a.Name ?? none, a.Phone ?? none));
            }
        }

        lines.Add(t.Format(PrivacyTextKeys.Questions, data.Questions.Count));
        foreach (var q in data.Questions)
        {
            lines.Add(t.Format(PrivacyTextKeys.Item, Day(q.ReceivedAt), q.Text));
            if (q.Answer is { } answer)
            {
                lines.Add(t.Format(PrivacyTextKeys.Answer, answer));
            }
        }

        lines.Add(t.Format(PrivacyTextKeys.Replies, data.Replies.Count));
        foreach (var r in data.Replies)
        {
            lines.Add(t.Format(PrivacyTextKeys.Item, Day(r.SentAt), r.Text));
        }

        if (data.SurveyAnswers.Count > 0)
        {
            lines.Add(t[PrivacyTextKeys.Surveys]);
            foreach (var survey in data.SurveyAnswers.GroupBy(a => a.SurveyTitle))
            {
                lines.Add(t.Format(PrivacyTextKeys.SurveyAnswered, survey.Key, survey.Select(a => a.Question).Distinct().Count()));
            }
        }

        return Pack(lines, t[PrivacyTextKeys.Outro], left => t.Format(PrivacyTextKeys.Omitted, left));
    }

    /// <summary>Fills messages line by line; the last keeps room for the count of lines left over and the closing words.</summary>
    private static IReadOnlyList<string> Pack(List<string> lines, string outro, Func<int, string> omitted)
    {
        var reserve = omitted(lines.Count).Length + outro.Length + 3;
        var parts = new List<StringBuilder> { new() };
        var shown = 0;
        for (; shown < lines.Count; shown++)
        {
            var line = LineLimits.Truncate(lines[shown], LineLimits.TextLength - reserve);
            var room = (parts.Count == MaxMessages ? LineLimits.TextLength - reserve : LineLimits.TextLength) - parts[^1].Length;
            if (line.Length + 1 > room)
            {
                if (parts.Count == MaxMessages)
                {
                    break;
                }

                parts.Add(new StringBuilder());
            }

            parts[^1].Append(line).Append('\n');
        }

        var last = parts[^1];
        if (shown < lines.Count)
        {
            last.Append(omitted(lines.Count - shown)).Append('\n');
        }

        if (last.Length + outro.Length + 1 > LineLimits.TextLength)
        {
            parts.Add(last = new StringBuilder());
        }

        last.Append('\n').Append(outro);
        return [.. parts.Select(part => part.ToString().Trim('\n'))];
    }
}
