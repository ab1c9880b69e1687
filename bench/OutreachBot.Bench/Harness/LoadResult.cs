namespace OutreachBot.Bench.Harness;

/// <summary>What one load run measured: answers by status and every request's latency.</summary>
public sealed class LoadResult(TimeSpan duration, IReadOnlyList<double> latenciesMs, int ok, int failed)
{
    public TimeSpan Duration { get; } = duration;

    public IReadOnlyList<double> LatenciesMs { get; } = latenciesMs;

    public int Ok { get; } = ok;

    public int Failed { get; } = failed;

    public double RequestsPerSecond => (Ok + Failed) / Duration.TotalSeconds;

    /// <summary>Several runs against one server as if they were one: their times, answers and latencies added up.</summary>
    public static LoadResult Combine(IReadOnlyList<LoadResult> runs) => new(
        runs.Aggregate(TimeSpan.Zero, (sum, run) => sum + run.Duration),
        [.. runs.SelectMany(run => run.LatenciesMs)],
        runs.Sum(run => run.Ok),
        runs.Sum(run => run.Failed));

    public double Percentile(double p)
    {
        if (LatenciesMs.Count == 0)
        {
            return double.NaN;
        }

        var sorted = LatenciesMs.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
