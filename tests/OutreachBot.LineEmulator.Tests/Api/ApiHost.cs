using System.Net.Http.Headers;
using System.Text;
using OutreachBot.Line.Messaging;
using OutreachBot.LineEmulator.Hosting;

namespace OutreachBot.LineEmulator.Tests.Api;

/// <summary>
/// A bare emulator with one follower, Ualice, and a client that holds the default channel access token: raw HTTP,
/// so a test can send what the client would never let through.
/// </summary>
internal sealed class ApiHost : IAsyncDisposable
{
    /// <summary>A valid push to Ualice.</summary>
    public const string Push = """{"to":"Ualice","messages":[{"type":"text","text":"hi"}]}""";

    private ApiHost(LineEmulatorServer line)
    {
        Line = line;
        Http = new HttpClient { BaseAddress = line.BaseUrl };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", EmulatorOptions.DefaultChannelAccessToken);
    }

    public LineEmulatorServer Line { get; }

    public HttpClient Http { get; }

    public static async Task<ApiHost> StartAsync(Action<EmulatorOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new EmulatorOptions();
        configure?.Invoke(options);
        var line = await LineEmulatorServer.StartAsync(options, timeProvider: time);
        line.AddFollower("Ualice");
        return new ApiHost(line);
    }

    public Task<HttpResponseMessage> PostAsync(string path, string json, Guid? retryKey = null) =>
        PostAsync(path, json, retryKey?.ToString());

    /// <summary>Posts JSON with <paramref name="retryKeyHeader"/>, valid or not, as <c>X-Line-Retry-Key</c>.</summary>
    public async Task<HttpResponseMessage> PostAsync(string path, string json, string? retryKeyHeader)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (retryKeyHeader is not null)
        {
            request.Headers.Add(LineHeaders.RetryKey, retryKeyHeader);
        }

        return await Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Line.DisposeAsync();
    }
}
