namespace OutreachBot.Hosting;

/// <summary>
/// The loop of a background service that does its work in rounds: a round, a wait, the next round, until the host
/// stops. A failing round is reported and the next one comes as usual; stopping ends the wait at once.
/// </summary>
public static class PeriodicRounds
{
    /// <param name="interval">Read after every round, so that the wait follows the settings as they are then.</param>
    public static async Task RunAsync(
        Func<CancellationToken, Task> round,
        Func<TimeSpan> interval,
        Action<Exception> roundFailed,
        TimeProvider time,
        CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await round(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                roundFailed(ex);
            }

            await Task.Delay(interval(), time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
