using OutreachBot.Bench.Harness;

namespace OutreachBot.Bench.Webhook;

/// <summary>
/// One of the servers compared: its processes (the server first, then what it calls), its URL and its own stream of
/// webhooks, and the rounds measured against it. Suspended while the other contender is measured.
/// </summary>
public sealed class Contender(IReadOnlyList<ChildProcess> processes, Uri url, WebhookLoad load)
{
    public LoadRounds Rounds { get; } = new(processes[0], processes.Count > 1 ? processes[1] : null);

    public Task RunRoundAsync(int connections, TimeSpan duration) => Rounds.RunAsync(url, connections, duration, load.NextRequest);

    /// <summary>The server before what it calls, so that no call of its meets a suspended callee first.</summary>
    public void Suspend()
    {
        foreach (var process in processes)
        {
            process.Suspend();
        }
    }

    public void Resume()
    {
        foreach (var process in processes.Reverse())
        {
            process.Resume();
        }
    }
}
