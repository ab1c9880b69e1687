using System.Diagnostics;

namespace OutreachBot.Bench.Harness;

/// <summary>
/// Timed load runs against one server, added up, with the CPU time spent during them by the server, by the process
/// it calls while answering (if any) and by this one, the load generator.
/// </summary>
public sealed class LoadRounds(ChildProcess server, ChildProcess? companion = null)
{
    private readonly List<LoadResult> _runs = [];
    private TimeSpan _serverCpu;
    private TimeSpan _serverJitCpu;
    private TimeSpan _companionCpu;
    private TimeSpan _generatorCpu;

    public LoadResult Total => LoadResult.Combine(_runs);

    public IEnumerable<double> RequestsPerSecondByRound => _runs.Select(run => run.RequestsPerSecond);

    public double ServerCpuUs => PerRequestUs(_serverCpu);

    /// <summary>What .NET's tiered compiler took of <see cref="ServerCpuUs"/>; zero for a server that is not .NET.</summary>
    public double ServerJitCpuUs => PerRequestUs(_serverJitCpu);

    public double CompanionCpuUs => PerRequestUs(_companionCpu);

    public double GeneratorCpuUs => PerRequestUs(_generatorCpu);

    public async Task RunAsync(Uri url, int connections, TimeSpan duration, Func<HttpRequestMessage> nextRequest)
    {
        var (serverBefore, jitBefore, companionBefore, generatorBefore) = (server.CpuTime(), server.JitCpuTime(), CompanionCpu(), GeneratorCpu());
        var run = await LoadGenerator.RunAsync(url, connections, duration, nextRequest);
        _serverCpu += server.CpuTime() - serverBefore;
        _serverJitCpu += server.JitCpuTime() - jitBefore;
        _companionCpu += CompanionCpu() - companionBefore;
        _generatorCpu += GeneratorCpu() - generatorBefore;
        _runs.Add(run);
    }

    private TimeSpan CompanionCpu() => companion?.CpuTime() ?? TimeSpan.Zero;

    private static TimeSpan GeneratorCpu() => Process.GetCurrentProcess().TotalProcessorTime;

    private double PerRequestUs(TimeSpan cpu)
    {
        var requests = _runs.Sum(run => run.Ok + run.Failed);
        return requests == 0 ? double.NaN : cpu.TotalMicroseconds / requests;
    }
}
