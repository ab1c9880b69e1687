using System.Net.Http.Json;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Disaster;

/// <summary>A bot on one database with <paramref name="settings"/>, an admin's API client, and the calls the disaster suites make.</summary>
public abstract class DisasterSuite(string provider, IReadOnlyDictionary<string, string?> settings) : IAsyncLifetime
{
    protected ConversationHost Host { get; private set; } = null!;

    protected HttpClient Admin { get; private set; } = null!;

    protected string Provider => provider;

    public async Task InitializeAsync()
    {
        Host = await ConversationHost.StartAsync(provider, settings);
        Admin = Host.Bot.CreateApiClient();
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        await Host.DisposeAsync();
    }

    /// <summary>A call that must succeed.</summary>
    protected async Task SendAsync(HttpMethod method, string path, object body)
    {
        using var response = await Admin.SendAsync(new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    protected Task SwitchAsync(object body) => SendAsync(HttpMethod.Put, "/api/v1/disaster-mode", body);

    protected static async Task WaitAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(50, timeout.Token);
        }
    }
}
