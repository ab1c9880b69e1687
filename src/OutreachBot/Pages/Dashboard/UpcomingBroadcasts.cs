using OutreachBot.Broadcasts;
using OutreachBot.Broadcasts.Scheduling;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Dashboard;

/// <summary>The dashboard's next broadcasts: scheduled ones by their next firing (Quartz's, so a cron broadcast shows its next run).</summary>
public sealed class UpcomingBroadcasts(BroadcastStore store, BroadcastScheduling scheduling)
{
    public async Task<IReadOnlyList<(Broadcast Broadcast, DateTimeOffset At)>> NextAsync(int count, CancellationToken cancellationToken)
    {
        var upcoming = new List<(Broadcast, DateTimeOffset)>();
        foreach (var broadcast in await store.InStateAsync(BroadcastState.Scheduled, cancellationToken))
        {
            if (await scheduling.NextFireAsync(broadcast.Id, cancellationToken) is { } at)
            {
                upcoming.Add((broadcast, at));
            }
        }

        return [.. upcoming.OrderBy(u => u.Item2).Take(count)];
    }
}
