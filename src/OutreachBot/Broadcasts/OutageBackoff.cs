namespace OutreachBot.Broadcasts;

/// <summary>How long to wait before trying the database again: doubling from 50 ms, never longer than the cap.</summary>
public static class OutageBackoff
{
    public static TimeSpan Delay(int attempt, TimeSpan cap)
    {
        var grown = TimeSpan.FromMilliseconds(50 * Math.Pow(2, Math.Min(attempt - 1, 20)));
        return grown < cap ? grown : cap;
    }
}
