namespace OutreachBot.Bench.Harness;

/// <summary>What one load run measured: answers by status and every request's latency.</summary>
public sealed class LoadResult(TimeSpan duration, IReadOnlyList<double> latenciesMs, int ok, int failed)
{
    public int Ok => ok;

    public int Failed => failed;

    public double RequestsPerSecond => (ok + failed) / duration.TotalSeconds;

    public double Percentile(double p)
    {
        if (latenciesMs.Count == 0)
        {
            return double.NaN;
        }

        var sorted = latenciesMs.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
