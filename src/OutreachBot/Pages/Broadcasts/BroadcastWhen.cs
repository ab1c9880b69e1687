using OutreachBot.Broadcasts;
using OutreachBot.Broadcasts.Authoring;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Broadcasts;

public static class BroadcastWhen
{
    /// <summary>When a broadcast goes out, as staff read it: a time in <c>Bot:TimeZone</c>, its cron, or "on approval".</summary>
    public static string When(this ConsoleClock clock, Broadcast broadcast)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(broadcast);
        return broadcast.Schedule switch
        {
            { Kind: ScheduleKind.Cron } cron => $"cron {cron.Cron}",
            { SendAt: { } at } => clock.Format(at),
            _ => ConsoleText.S("承認されたらすぐ", "As soon as approved"),
        };
    }

    public static string When(this ConsoleClock clock, BroadcastView view) => clock.When(view?.Source ?? throw new ArgumentNullException(nameof(view)));
}
