using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OutreachBot.Surveys;

/// <summary>
/// Survey results for Excel, as the console's other exports (<see cref="ExcelCsv"/>): one row per question, group (all,
/// a language, a topic) and answer; a hidden cell is empty; typed answers one a row under the group "text".
/// </summary>
public static class SurveyResultsCsv
{
    private const string Header = "問 / Question,種類 / Kind,質問 / Text,区分 / Group,区分の値 / Group value,回答者 / Respondents,選択肢 / Answer,件数 / Count,割合 / Percent";

    public static byte[] Write(SurveyResultsView results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var text = new StringBuilder(Header).Append("\r\n");
        foreach (var q in results.Questions)
        {
            var groups = new[] { ("all", "", q.All) }
                .Concat(q.ByLanguage.Select(g => ("language", g.Key, g.Value)))
                .Concat(q.ByTopic.Select(g => ("topic", g.Key, g.Value)));
            foreach (var (group, value, counts) in groups)
            {
                foreach (var option in counts.Options)
                {
                    Row(text, q, group, value, Number(counts.Respondents), option.Label, Number(option.Count), option.Percent?.ToString("0.0", CultureInfo.InvariantCulture) ?? "");
                }
            }

            foreach (var typed in q.Texts)
            {
                Row(text, q, "text", "", "", typed, "", "");
            }
        }

        return ExcelCsv.Bytes(text);
    }

    private static void Row(StringBuilder text, QuestionResults q, params string[] rest) =>
        text.AppendJoin(',', new[] { (q.Index + 1).ToString(CultureInfo.InvariantCulture), JsonSerializer.Serialize(q.Kind).Trim('"'), q.Text }.Concat(rest).Select(ExcelCsv.Field)).Append("\r\n");

    private static string Number(long? count) => count?.ToString(CultureInfo.InvariantCulture) ?? "";
}
