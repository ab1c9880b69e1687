using Quartz;

namespace OutreachBot.Broadcasts.Scheduling;

/// <summary>Quartz cron expressions read in <c>Bot:TimeZone</c>: validity and the occurrences a firing stands for.</summary>
public static class CronSchedules
{
    public static bool TryParse(string? text, TimeZoneInfo zone, out CronExpression? expression)
    {
        expression = null;
        if (string.IsNullOrWhiteSpace(text) || !CronExpression.TryParse(text.Trim(), out var parsed))
        {
            return false;
        }

        expression = parsed.WithTimeZone(zone);
        return expression.GetNextValidTimeAfter(DateTimeOffset.UtcNow) is not null;
    }

    public static IEnumerable<DateTimeOffset> Next(CronExpression expression, DateTimeOffset after, int count)
    {
        var at = after;
        for (var i = 0; i < count && expression.GetNextValidTimeAfter(at) is { } next; i++)
        {
            yield return next;
            at = next;
        }
    }

    /// <summary>
    /// The latest occurrence at or before <paramref name="now"/> that is later than <paramref name="since"/>, and the
    /// ones before it in that span (which were skipped). Null when there is none.
    /// </summary>
    public static (DateTimeOffset Latest, IReadOnlyList<DateTimeOffset> Skipped)? LatestDue(CronExpression expression, DateTimeOffset since, DateTimeOffset now, int maxSkipped = 20)
    {
        DateTimeOffset? latest = null;
        var skipped = new List<DateTimeOffset>();
        var at = since;
        // A minute-by-minute cron after a month away is 43,200 steps: bounded, and only ever at start-up.
        for (var steps = 0; steps < 1_000_000 && expression.GetNextValidTimeAfter(at) is { } next && next <= now; steps++)
        {
            if (latest is { } previous)
            {
                skipped.Add(previous);
                if (skipped.Count > maxSkipped)
                {
                    skipped.RemoveAt(0);
                }
            }

            latest = next;
            at = next;
        }

        return latest is null ? null : (latest.Value, skipped);
    }
}
