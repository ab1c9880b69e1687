namespace OutreachBot.Broadcasts;

/// <summary>How long to wait before trying the database again: doubling from 50 ms, never longer than the cap.</summary>
public static class OutageBackoff
{
    public static TimeSpan Delay(int attempt, TimeSpan cap)
    {
        var grown = TimeSpan.FromMilliseconds(50 * Math.Pow(2, Math.Min(attempt - 1, 20)));
        return grown < cap ? grown : cap;
    }

    /// <summary>
    /// Runs <paramref name="action"/> until it succeeds, however long the database is away, waiting <see cref="Delay"/>
    /// after each failure; <paramref name="failed"/> hears of each failure with its attempt number. Only cancellation stops it.
    /// </summary>
    /// <returns>What the action returned, and the attempt that succeeded (1 when it went through at once).</returns>
    public static async Task<(T Result, int Attempt)> RetryAsync<T>(
        Func<CancellationToken, Task<T>> action, TimeSpan cap, Action<Exception, int> failed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(failed);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return (await action(cancellationToken), attempt);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failed(ex, attempt);
                await Task.Delay(Delay(attempt, cap), cancellationToken);
            }
        }
    }
}
