using System.Diagnostics;

namespace OutreachBot.Bench.Harness;

public static class Commands
{
    /// <summary>Runs a command to completion, failing the benchmark with its output when it fails.</summary>
    public static async Task RunAsync(string fileName, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await output}\n{await errors}");
        }
    }

    /// <summary>Builds the bot in Release and returns the path of its dll, so that runs measure optimized code.</summary>
    public static async Task<string> BuildBotAsync()
    {
        var project = Path.Combine(Paths.RepositoryRoot, "src", "OutreachBot");
        await RunAsync("dotnet", Paths.RepositoryRoot, "build", project, "-c", "Release", "-nologo", "-clp:ErrorsOnly");
        return Path.Combine(project, "bin", "Release", "net10.0", "OutreachBot.dll");
    }
}
