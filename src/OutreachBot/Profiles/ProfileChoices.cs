namespace OutreachBot.Profiles;

/// <summary>The fixed answers of a profile: age bands and days of the week, as the API and the database name them.</summary>
public static class ProfileChoices
{
    public static readonly IReadOnlyList<string> AgeBands = ["10s", "20s", "30s", "40s", "50s", "60s", "70s", "80+"];

    /// <summary>Monday first; a day's bit in <c>citizens.free_days</c> is 1 shifted by its place here.</summary>
    public static readonly IReadOnlyList<string> Days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    public static int DayBit(string day) => 1 << IndexOf(Days, day);

    public static int DayBits(IEnumerable<string> days) => days.Aggregate(0, (bits, day) => bits | DayBit(day));

    public static IReadOnlyList<string> DaysOf(int? bits) => [.. Days.Where(d => ((bits ?? 0) & DayBit(d)) != 0)];

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, "Not one of the choices.");
    }
}
