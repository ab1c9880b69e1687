using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using OutreachBot.Line.Webhooks;

namespace OutreachBot.Tests.Infrastructure;

/// <summary>
/// The bot as its own process, from its real build (<c>dotnet OutreachBot.dll</c>), on a free port with settings as
/// environment variables: for tests that kill it (SIGKILL) or run several instances side by side.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _errors = new();
    private bool _disposed;

    private BotProcess(Process process, string name, int port)
    {
        _process = process;
        Name = name;
        Url = new Uri($"http://127.0.0.1:{port}");
    }

    public string Name { get; }

    public Uri Url { get; }

    public bool HasExited => _process.HasExited;

    /// <param name="settings">Environment variables, <c>Section__Key</c>.</param>
    public static BotProcess Start(string name, IReadOnlyDictionary<string, string> settings)
    {
        var port = LocalMachine.FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(BotDll());
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Bot__LocalMode"] = "true"; // tests point it at the LINE emulator over plain http
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var bot = new BotProcess(Process.Start(start)!, name, port);
        bot._process.OutputDataReceived += (_, _) => { };
        bot._process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null && bot._errors.Count < 200)
            {
                bot._errors.Enqueue(e.Data);
            }
        };
        bot._process.BeginOutputReadLine();
        bot._process.BeginErrorReadLine();
        return bot;
    }

    public HttpClient Client(string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(30) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return client;
    }

    /// <summary>Posts a webhook body signed with <paramref name="channelSecret"/>, as LINE would.</summary>
    public async Task<HttpResponseMessage> PostWebhookAsync(string body, string channelSecret)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhook/line") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("x-line-signature", LineSignature.Compute(bytes, channelSecret));
        using var client = Client();
        return await client.SendAsync(request);
    }

    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            Assert.False(_process.HasExited, $"{Name} exited with {(_process.HasExited ? _process.ExitCode : 0)}: {Errors()}");
            try
            {
                using var response = await client.GetAsync("/readyz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{Name} did not become ready in {timeout}: {Errors()}");
    }

    /// <summary>SIGKILL: no shutdown, no goodbye to the database; whatever it held is left for its leases to end.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>What the process wrote to standard error, for the message of a failing test.</summary>
    public string Errors() => string.Join('\n', _errors);

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private static string BotDll()
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        return Path.Combine(LocalMachine.RepositoryRoot(), "src", "OutreachBot", "bin", configuration, "net10.0", "OutreachBot.dll");
    }
}
