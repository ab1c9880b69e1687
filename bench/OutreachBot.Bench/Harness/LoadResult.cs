namespace OutreachBot.Bench.Harness;

/// <summary>What one load run measured: answers by status and every request's latency.</summary>
public sealed class LoadResult(TimeSpan duration, IReadOnlyList<double> latenciesMs, int ok, int failed)
{
    private readonly TimeSpan _duration = duration;
    private readonly IReadOnlyList<double> _latenciesMs = latenciesMs;

    public int Ok => ok;

    public int Failed => failed;

    public double RequestsPerSecond => (ok + failed) / _duration.TotalSeconds;

    /// <summary>Several runs against one server as if they were one: their times, answers and latencies added up.</summary>
    public static LoadResult Combine(IReadOnlyList<LoadResult> runs) => new(
        runs.Aggregate(TimeSpan.Zero, (sum, run) => sum + run._duration),
        [.. runs.SelectMany(run => run._latenciesMs)],
        runs.Sum(run => run.Ok),
        runs.Sum(run => run.Failed));

    public double Percentile(double p)
    {
        if (_latenciesMs.Count == 0)
        {
            return double.NaN;
        }

        var sorted = _latenciesMs.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
