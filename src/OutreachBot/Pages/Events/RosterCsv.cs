using System.Globalization;
using System.Text;
using OutreachBot.CivicEvents;
using OutreachBot.CivicEvents.Applications;
using OutreachBot.Pages.Export;

namespace OutreachBot.Pages.Events;

/// <summary>An event's roster for Excel, as the other exports (UTF-8 with BOM, CRLF): one row per application in number order.</summary>
public static class RosterCsv
{
    private static readonly string[] Headings =
        ["番号 / No.", "状態 / Status", "順番待ち / Position", "人数 / Party", "氏名 / Name", "電話 / Phone", "経路 / Channel", "申込日時 / Applied", "出席 / Attended"];

    public static byte[] Write(Roster roster, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(roster);
        var questions = roster.Event.Details.Questions;
        var text = new StringBuilder();
        text.AppendJoin(',', Headings
            .Concat(questions.Select(q => ExcelCsv.Field(q.TextIn(Languages.Japanese))))).Append("\r\n");
        foreach (var a in roster.Applications)
        {
            var cells = new[]
            {
                a.Number.ToString(CultureInfo.InvariantCulture),
                a.ApiStatus,
                a.Position?.ToString(CultureInfo.InvariantCulture) ?? "",
                a.PartySize.ToString(CultureInfo.InvariantCulture),
                a.Name ?? "",
                a.Phone ?? "",
                a.Channel,
                Time(a.AppliedAt, zone),
                a.AttendedAt is { } attended ? Time(attended, zone) : "",
            }.Concat(questions.Select((_, i) => a.Answers.ElementAtOrDefault(i) ?? ""));
            text.AppendJoin(',', cells.Select(ExcelCsv.Field)).Append("\r\n");
        }

        return ExcelCsv.Bytes(text);
    }

    private static string Time(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
