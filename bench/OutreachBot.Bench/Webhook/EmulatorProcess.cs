using System.Net.Http.Json;
using OutreachBot.Bench.Harness;

namespace OutreachBot.Bench.Webhook;

/// <summary>
/// The LINE emulator in a process of its own, so that answering the bot's replies does not share a thread pool and a
/// garbage collector with the load generator, and its CPU time is counted apart.
/// </summary>
public sealed class EmulatorProcess : IAsyncDisposable
{
    private readonly HttpClient _control;

    private EmulatorProcess(ChildProcess process, Uri baseUrl)
    {
        Process = process;
        BaseUrl = baseUrl;
        _control = new HttpClient { BaseAddress = baseUrl };
    }

    public ChildProcess Process { get; }

    public Uri BaseUrl { get; }

    public static async Task<EmulatorProcess> StartAsync(string channelSecret)
    {
        var port = ChildProcess.FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "OutreachBot.LineEmulator.dll");
        var process = ChildProcess.Start("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"], AppContext.BaseDirectory, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Emulator__ChannelSecret"] = channelSecret,
            // Replies are free; the quota only matters to pushes, which a reply token that ran out would turn into.
            ["Emulator__MonthlyQuota"] = "",
            ["Logging__LogLevel__Default"] = "Warning",
        });
        var url = new Uri($"http://127.0.0.1:{port}");
        await process.WaitUntilServingAsync(new Uri(url, "/_emulator/faults"), TimeSpan.FromSeconds(60));
        return new EmulatorProcess(process, url);
    }

    /// <summary>Fresh reply tokens, one for each user id given, in the same order.</summary>
    public async Task<string[]> IssueReplyTokensAsync(IReadOnlyList<string> userIds)
    {
        var tokens = new List<string>(userIds.Count);
        foreach (var chunk in userIds.Chunk(10_000))
        {
            using var response = await _control.PostAsJsonAsync("/_emulator/reply-tokens", chunk);
            response.EnsureSuccessStatusCode();
            tokens.AddRange(await response.Content.ReadFromJsonAsync<string[]>() ?? throw new InvalidOperationException("No tokens."));
        }

        return [.. tokens];
    }

    public async ValueTask DisposeAsync()
    {
        _control.Dispose();
        await Process.DisposeAsync();
    }
}
