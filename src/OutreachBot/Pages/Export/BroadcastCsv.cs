using System.Globalization;
using System.Text;
using OutreachBot.Broadcasts;
using OutreachBot.Broadcasts.Authoring;
using OutreachBot.Broadcasts.Fanout;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Export;

/// <summary>
/// Broadcast results for Excel, as <see cref="SubscriberCsv"/> writes them (UTF-8 with BOM, CRLF): one row per run
/// (a cron broadcast has one per firing), and one for a broadcast that has not fired yet.
/// </summary>
public static class BroadcastCsv
{
    private static readonly string[] Header =
    [
        "ID", "タイトル / Title", "状態 / Status", "予定 / Scheduled", "送信開始 / Fired", "完了 / Finished", "対象 / Targeted",
        "受付 / Accepted", "失敗 / Failed", "未送信 / Pending", "取消 / Cancelled", "作成者 / Author", "承認者 / Approved by",
    ];

    public static byte[] Write(IEnumerable<(Broadcast Broadcast, IReadOnlyList<RunSummary> Runs, string Status)> rows, ConsoleClock clock)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(clock);
        var text = new StringBuilder();
        text.AppendJoin(',', Header.Select(ExcelCsv.Field)).Append("\r\n");
        foreach (var (b, runs, status) in rows)
        {
            if (runs.Count == 0)
            {
                Line(text, b, status, b.Schedule.Kind == ScheduleKind.Cron ? $"cron {b.Schedule.Cron}" : clock.Format(b.Schedule.SendAt), "", "", 0, 0, 0, 0, 0);
            }

            foreach (var run in runs)
            {
                Line(text, b, run.Status, clock.Format(run.Occurrence), clock.Format(run.FiredAt), clock.Format(run.FinishedAt),
                    run.Targeted, run.Accepted, run.Failed, run.Pending, run.Cancelled);
            }
        }

        return ExcelCsv.Bytes(text);
    }

    private static void Line(StringBuilder text, Broadcast b, string status, string scheduled, string fired, string finished, params long[] counts)
    {
        string[] fields =
        [
            b.Id.ToString(CultureInfo.InvariantCulture), b.Title, status, scheduled, fired, finished,
            .. counts.Select(c => c.ToString(CultureInfo.InvariantCulture)),
            StaffIdentity.Display(b.Author), b.ApprovedBy is null ? "" : StaffIdentity.Display(b.ApprovedBy),
        ];
        text.AppendJoin(',', fields.Select(ExcelCsv.Field)).Append("\r\n");
    }
}
