namespace OutreachBot.LineSending;

/// <summary>
/// How much of a per-channel ceiling (LINE counts 200 multicasts and 2,000 pushes a second for the whole channel,
/// however many processes send) this process may spend in any one window right now. The rate limiters ask it before every token.
/// </summary>
public interface IRateShare
{
    int PerWindow(int ceiling);
}

/// <summary>One instance, on SQLite: the whole ceiling is this process's.</summary>
public sealed class WholeRateShare : IRateShare
{
    public int PerWindow(int ceiling) => ceiling;
}
