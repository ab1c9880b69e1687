using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
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

    /// <summary>An API client acting with <paramref name="key"/>, another staff account's.</summary>
    protected HttpClient Client(string key)
    {
        var client = Host.Bot.CreateApiClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>The fields a 400 names.</summary>
    protected static async Task<IEnumerable<string>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject().Select(e => e.Key);
    }

    /// <summary>An aggregate joining <paramref name="expression"/> over rows by id with '|', in the database's own words.</summary>
    protected string Concat(string expression) =>
        Provider == "Postgres" ? $"string_agg({expression}, '|' ORDER BY id)" : $"group_concat({expression}, '|')";

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
