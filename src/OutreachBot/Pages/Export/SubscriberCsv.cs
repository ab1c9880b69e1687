using System.Globalization;
using System.Text;
using OutreachBot.Subscriptions;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Export;

/// <summary>
/// Subscribers per topic per day, written as <see cref="ExcelCsv"/> says: one row per day and channel (<c>line</c>,
/// <c>mail</c>) and one column per topic; a topic that did not exist yet that day is blank. Once the Page's or Instagram's followers were recorded, a last column holds
/// them, on rows of their own (<c>facebook</c>, <c>instagram</c>) with the topic columns blank.
/// </summary>
public static class SubscriberCsv
{
    public static byte[] Write(IReadOnlyList<DailySubscribers> rows, IReadOnlyList<Topic> topics, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(topics);
        var counts = rows.ToDictionary(r => (r.Day, r.Topic, r.Channel), r => r.Subscribers);
        var columns = topics.Where(t => rows.Any(r => r.Topic == t.Slug)).ToList();
        var social = SubscriberChannels.Social.Where(c => rows.Any(r => r.Topic is null && r.Channel == c)).ToList();
        var text = new StringBuilder();
        text.AppendJoin(',', columns.Select(t => ExcelCsv.Field($"{t.NameIn(Languages.Japanese)} ({t.Slug})")).Prepend("チャネル / Channel").Prepend("日付 / Date"));
        text.Append(social.Count > 0 ? ",フォロワー / Followers\r\n" : "\r\n");
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            foreach (var channel in SubscriberChannels.All)
            {
                text.Append(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',').Append(channel);
                foreach (var topic in columns)
                {
                    text.Append(',');
                    if (counts.TryGetValue((day, topic.Slug, channel), out var count))
                    {
                        text.Append(count.ToString(CultureInfo.InvariantCulture));
                    }
                }

                text.Append(social.Count > 0 ? ",\r\n" : "\r\n");
            }

            foreach (var channel in social)
            {
                text.Append(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',').Append(channel).Append(',', columns.Count + 1);
                if (counts.TryGetValue((day, null, channel), out var followers))
                {
                    text.Append(followers.ToString(CultureInfo.InvariantCulture));
                }

                text.Append("\r\n");
            }
        }

        return ExcelCsv.Bytes(text);
    }
}
