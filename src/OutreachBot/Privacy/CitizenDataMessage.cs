using System.Globalization;
using System.Text;

namespace OutreachBot.Privacy;

/// <summary>A citizen's data as one readable text in their language, dates in <c>Bot:TimeZone</c>.</summary>
public static class CitizenDataMessage
{
    public static string Of(BotTexts t, CitizenData data, TimeZoneInfo zone)
    {
        var none = t[PrivacyTextKeys.None];
        string Day(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string List(IReadOnlyList<string> items) => items.Count == 0 ? none : string.Join(t.Culture.TextInfo.ListSeparator + " ", items);

        var text = new StringBuilder(t[PrivacyTextKeys.Intro]).Append("\n\n");
        var profile = data.Profile;
        var language = Languages.Supported.FirstOrDefault(l => l.Code == profile.Language).Name ?? profile.Language;
        text.AppendLine(t.Format(PrivacyTextKeys.Language, language));
        text.AppendLine(t.Format(PrivacyTextKeys.DisplayName, profile.DisplayName ?? none));
        if (profile.District is { } district)
        {
            text.AppendLine(t.Format(PrivacyTextKeys.District, district));
        }

        text.AppendLine(t.Format(PrivacyTextKeys.Since, Day(profile.FirstFollowedAt)));
        text.AppendLine(t.Format(PrivacyTextKeys.Topics, List(data.Topics)));
        text.AppendLine(t.Format(PrivacyTextKeys.Reminders, List(data.Reminders)));
        text.AppendLine(t[PrivacyTextKeys.Applications] + (data.Applications.Count == 0 ? " " + none : ""));
        foreach (var a in data.Applications)
        {
            text.AppendLine(t.Format(PrivacyTextKeys.Application, a.EventTitle, a.Number, a.PartySize, t[PrivacyTextKeys.Status(a.Status)]));
            if (a.Name is not null || a.Phone is not null)
            {
                text.AppendLine(t.Format(PrivacyTextKeys.Applicant, a.Name ?? none, a.Phone ?? none));
            }
        }

        text.AppendLine(t.Format(PrivacyTextKeys.Questions, data.Questions.Count));
        foreach (var q in data.Questions)
        {
            text.AppendLine(t.Format(PrivacyTextKeys.Item, Day(q.ReceivedAt), q.Text));
            if (q.Answer is { } answer)
            {
                text.AppendLine(t.Format(PrivacyTextKeys.Answer, answer));
            }
        }

        text.AppendLine(t.Format(PrivacyTextKeys.Replies, data.Replies.Count));
        foreach (var r in data.Replies)
        {
            text.AppendLine(t.Format(PrivacyTextKeys.Item, Day(r.SentAt), r.Text));
        }

        if (data.SurveyAnswers.Count > 0)
        {
            text.AppendLine(t[PrivacyTextKeys.Surveys]);
            foreach (var survey in data.SurveyAnswers.GroupBy(a => a.SurveyTitle))
            {
                text.AppendLine(t.Format(PrivacyTextKeys.SurveyAnswered, survey.Key, survey.Select(a => a.Question).Distinct().Count()));
            }
        }

        return text.Append('\n').Append(t[PrivacyTextKeys.Outro]).ToString();
    }
}
