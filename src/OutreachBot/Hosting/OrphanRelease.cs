namespace OutreachBot.Hosting;

/// <summary>
/// A service's first step: giving back what a process that stopped left claimed. A failure costs only the wait for
/// those claims' leases, so it is reported and the service starts anyway.
/// </summary>
public static class OrphanRelease
{
    public static async Task RunAsync(
        Func<CancellationToken, Task<int>> release, Action<int> released, Action<Exception> failed, CancellationToken cancellationToken)
    {
        try
        {
            var count = await release(cancellationToken);
            if (count > 0)
            {
                released(count);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            failed(ex);
        }
    }
}
