using System.Globalization;
using System.Text;
using OutreachBot.CivicEvents.Applications;
using OutreachBot.Pages.Export;

namespace OutreachBot.Pages.Events;

/// <summary>A month's participants for Excel, as the other exports (UTF-8 with BOM, CRLF): one row per event, then the total.</summary>
public static class ParticipationCsv
{
    private static readonly string[] Headings =
        ["イベント番号 / Event", "イベント名 / Title", "開始 / Starts", "申し込み（人） / Applied", "キャンセル待ち（人） / Waiting",
         "出席（人） / Attended", "欠席（人） / No-shows", "評価数 / Ratings", "満足度平均 / Average rating"];

    public static byte[] Write(MonthParticipation month, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(month);
        var text = new StringBuilder().AppendJoin(',', Headings).Append("\r\n");
        foreach (var e in month.Events)
        {
            text.AppendJoin(',', new[]
            {
                Number(e.EventId),
                ExcelCsv.Field(e.Title),
                TimeZoneInfo.ConvertTime(e.StartsAt, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                Number(e.Applied),
                Number(e.Waiting),
                Number(e.Attended),
                e.NoShows is { } noShows ? Number(noShows) : "",
                Number(e.Ratings),
                e.AverageRating?.ToString("0.00", CultureInfo.InvariantCulture) ?? "",
            }).Append("\r\n");
        }

        text.AppendJoin(',', new[] { "", ExcelCsv.Field($"合計 / Total {month.Month}"), "", Number(month.Applied), "", Number(month.Attended), "", "", "" }).Append("\r\n");
        return ExcelCsv.Bytes(text);
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
