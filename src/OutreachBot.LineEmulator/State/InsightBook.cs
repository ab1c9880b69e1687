using System.Text.Json.Nodes;

namespace OutreachBot.LineEmulator.State;

/// <summary>
/// What LINE's statistics per aggregation unit count, as chat pages report it: a bot message shown in a recipient's
/// chat is an impression of it, a link opened from it a click. Only messages sent with <c>customAggregationUnits</c>
/// count, only for their own recipients, per day in UTC+9; answers hide every figure under 20, as LINE does.
/// </summary>
public sealed class InsightBook(TimeProvider time)
{
    private const int PrivacyThreshold = 20;
    private static readonly TimeSpan Japan = TimeSpan.FromHours(9);

    private readonly List<Tagged> _tagged = [];
    private readonly List<Reading> _readings = [];

    /// <summary>Messages numbered from <paramref name="firstSequence"/> in the transcript, sent to <paramref name="recipients"/> under <paramref name="unit"/>.</summary>
    public void Tag(string unit, long firstSequence, int messages, string[] recipients)
    {
        lock (_tagged)
        {
            _tagged.Add(new Tagged(unit, firstSequence, messages, recipients));
        }
    }

    /// <summary>The chat page showed line <paramref name="sequence"/> to <paramref name="userId"/>; false when it counts for no unit.</summary>
    public bool Seen(string userId, long sequence) => Record(userId, sequence, null);

    /// <summary>The citizen opened <paramref name="url"/> from line <paramref name="sequence"/>; false when it counts for no unit.</summary>
    public bool Opened(string userId, long sequence, string url) => Record(userId, sequence, url);

    /// <summary>The answer of <c>GET /v2/bot/insight/message/event/aggregation</c> for the days <paramref name="from"/> to <paramref name="to"/>.</summary>
    public JsonObject Statistics(string unit, DateOnly from, DateOnly to)
    {
        List<Reading> readings;
        int messages;
        lock (_tagged)
        {
            messages = _tagged.Where(t => t.Unit == unit).Select(t => t.Messages).DefaultIfEmpty(0).Max();
            readings = [.. _readings.Where(r => r.Unit == unit && r.Day >= from && r.Day <= to)];
        }

        var impressions = readings.Where(r => r.Url is null).ToList();
        var clicks = readings.Where(r => r.Url is not null).ToList();
        return new JsonObject
        {
            ["overview"] = new JsonObject
            {
                ["uniqueImpression"] = Shown(impressions.Select(r => r.UserId).Distinct().Count()),
                ["uniqueClick"] = Shown(clicks.Select(r => r.UserId).Distinct().Count()),
                ["uniqueMediaPlayed"] = null,
                ["uniqueMediaPlayed100Percent"] = null,
            },
            ["messages"] = new JsonArray([.. Enumerable.Range(1, messages).Select(seq => (JsonNode)Message(seq, impressions.Where(r => r.Seq == seq).ToList()))]),
            ["clicks"] = new JsonArray([.. clicks.GroupBy(r => (r.Seq, r.Url)).OrderBy(g => g.Key.Seq).Select(g => (JsonNode)new JsonObject
            {
                ["seq"] = g.Key.Seq,
                ["url"] = g.Key.Url,
                ["click"] = Shown(g.Count()),
                ["uniqueClick"] = Shown(g.Select(r => r.UserId).Distinct().Count()),
                ["uniqueClickOfRequest"] = Shown(clicks.Where(r => r.Url == g.Key.Url).Select(r => r.UserId).Distinct().Count()),
            })]),
        };
    }

    private static JsonObject Message(int seq, List<Reading> impressions)
    {
        var message = new JsonObject
        {
            ["seq"] = seq,
            ["impression"] = Shown(impressions.Count),
            ["uniqueImpression"] = Shown(impressions.Select(r => r.UserId).Distinct().Count()),
        };

        // Nobody plays media in the chat page, so every media figure is under the threshold.
        foreach (var name in new[] { "mediaPlayed", "mediaPlayed25Percent", "mediaPlayed50Percent", "mediaPlayed75Percent", "mediaPlayed100Percent", "uniqueMediaPlayed", "uniqueMediaPlayed25Percent", "uniqueMediaPlayed50Percent", "uniqueMediaPlayed75Percent", "uniqueMediaPlayed100Percent" })
        {
            message[name] = null;
        }

        return message;
    }

    private static JsonValue? Shown(int count) => count < PrivacyThreshold ? null : JsonValue.Create(count);

    private bool Record(string userId, long sequence, string? url)
    {
        lock (_tagged)
        {
            var tagged = _tagged.LastOrDefault(t => t.FirstSequence <= sequence && sequence < t.FirstSequence + t.Messages);
            if (tagged is null || Array.IndexOf(tagged.Recipients, userId) < 0)
            {
                return false;
            }

            var day = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(Japan).DateTime);
            _readings.Add(new Reading(tagged.Unit, day, (int)(sequence - tagged.FirstSequence) + 1, userId, url));
            return true;
        }
    }

    private sealed record Tagged(string Unit, long FirstSequence, int Messages, string[] Recipients);

    private sealed record Reading(string Unit, DateOnly Day, int Seq, string UserId, string? Url);
}
