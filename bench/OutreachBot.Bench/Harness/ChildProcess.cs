using System.Diagnostics;
using System.Net.Sockets;

namespace OutreachBot.Bench.Harness;

/// <summary>A server started for a run, killed with its children when the run ends.</summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private bool _disposed;

    private ChildProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"  [{Path.GetFileName(fileName)}] {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ChildProcess(process);
    }

    /// <summary>Waits until the server answers <paramref name="probe"/> with any status.</summary>
    public async Task WaitUntilServingAsync(Uri probe, TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode} before it served.");
            }

            try
            {
                using var _ = await client.GetAsync(probe);
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
            catch (TaskCanceledException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"{probe} did not answer within {timeout}.");
    }

    public long PeakWorkingSetBytes() => StatusBytes("VmHWM:");

    /// <summary>The memory the process holds in RAM now.</summary>
    public long ResidentBytes() => StatusBytes("VmRSS:");

    private long StatusBytes(string field)
    {
        var status = File.ReadAllLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return status is null ? 0 : long.Parse(status.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>CPU time (user + system) the process has used so far: a figure the other load on the machine hardly moves.</summary>
    public TimeSpan CpuTime() => ReadCpuTime($"/proc/{_process.Id}/stat");

    /// <summary>
    /// CPU time .NET's tiered compiler has spent in this process so far (its background thread, where hot methods are
    /// compiled again, optimized): the share of a short run that a long-running process no longer pays.
    /// </summary>
    public JitTime JitCpuTime() => new(ThreadCpuTimes(".NET Tiered Com"));

    /// <summary>CPU time of each live thread named <paramref name="threadName"/> (as /proc shows it, 15 characters at most), by thread id.</summary>
    public IReadOnlyDictionary<int, TimeSpan> ThreadCpuTimes(string threadName)
    {
        var times = new Dictionary<int, TimeSpan>();
        foreach (var task in Directory.EnumerateDirectories($"/proc/{_process.Id}/task"))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(task, "comm")).TrimEnd('\n') == threadName)
                {
                    times[int.Parse(Path.GetFileName(task), System.Globalization.CultureInfo.InvariantCulture)] = ReadCpuTime(Path.Combine(task, "stat"));
                }
            }
            catch (IOException)
            {
                // The thread ended while being read.
            }
        }

        return times;
    }

    private static TimeSpan ReadCpuTime(string statFile)
    {
        // stat: fields 14 and 15 (utime, stime) in clock ticks, after the command name in parentheses.
        var stat = File.ReadAllText(statFile);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / (double)ClockTicksPerSecond);
    }

    // USER_HZ, which Linux keeps at 100 for /proc on every architecture .NET runs on.
    private const int ClockTicksPerSecond = 100;

    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>Stops the process (SIGSTOP): it uses no CPU until <see cref="Resume"/>, so another server can be measured alone.</summary>
    public void Suspend() => Send("STOP");

    public void Resume() => Send("CONT");

    private void Send(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {_process.Id} failed with exit code {kill.ExitCode}.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The tiered compiler's CPU time per thread at one moment; subtract an earlier one to get what it used in between.</summary>
public sealed record JitTime(IReadOnlyDictionary<int, TimeSpan> ByThread)
{
    public static TimeSpan operator -(JitTime later, JitTime earlier) =>
        later.ByThread.Aggregate(TimeSpan.Zero, (sum, thread) => sum + thread.Value - earlier.ByThread.GetValueOrDefault(thread.Key));
}
