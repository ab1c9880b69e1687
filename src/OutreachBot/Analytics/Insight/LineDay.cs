using System.Globalization;

namespace OutreachBot.Analytics.Insight;

/// <summary>A day as LINE's statistics count it: in UTC+9, whatever <c>Bot:TimeZone</c> says.</summary>
public readonly record struct LineDay(DateOnly Date)
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    public DateTimeOffset Start => new(Date.ToDateTime(TimeOnly.MinValue), Offset);

    public DateTimeOffset End => Start.AddDays(1);

    public static LineDay Of(DateTimeOffset instant) => new(DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime));

    public LineDay AddDays(int days) => new(Date.AddDays(days));

    public override string ToString() => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
