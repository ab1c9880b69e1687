namespace OutreachBot.Broadcasts.Scheduling;

/// <summary>The nightly hours (default 21:00-08:00 in <c>Bot:TimeZone</c>) in which only urgent broadcasts (防災) go out.</summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End, TimeZoneInfo Zone)
{
    public bool Off => Start == End;

    public bool Contains(DateTimeOffset instant)
    {
        if (Off)
        {
            return false;
        }

        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);
        return Start < End ? local >= Start && local < End : local >= Start || local < End;
    }

    /// <summary>The latest instant before quiet hours begin on the evening before <paramref name="instant"/>, when it is inside them.</summary>
    public DateTimeOffset MoveBefore(DateTimeOffset instant)
    {
        var candidate = instant;
        for (var i = 0; i < 24 * 60 && Contains(candidate); i++)
        {
            candidate = candidate.AddMinutes(-1);
        }

        return candidate;
    }

    /// <summary>The first instant after quiet hours end, when <paramref name="instant"/> is inside them; else the instant itself.</summary>
    public DateTimeOffset MoveAfter(DateTimeOffset instant)
    {
        if (!Contains(instant))
        {
            return instant;
        }

        var local = TimeZoneInfo.ConvertTime(instant, Zone);
        var endLocal = local.Date + End.ToTimeSpan();
        var end = new DateTimeOffset(endLocal, Zone.GetUtcOffset(endLocal));
        return end > instant ? end : end.AddDays(1);
    }

    public string Describe() => $"{Start:HH\\:mm}-{End:HH\\:mm} ({Zone.Id})";
}
