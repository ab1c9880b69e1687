using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OutreachBot.Line.Webhooks;

namespace OutreachBot.Tests.Infrastructure;

/// <summary>
/// The whole bot in-process, as a <see cref="TestWorld"/> builds it: on the world's database, with the world's merged
/// settings and the test's services over the bot's own.
/// </summary>
public sealed class TestBot(TestDatabase database, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services)
    : WebApplicationFactory<Program>
{
    public const string ChannelSecret = "test-channel-secret";
    public const string ApiKey = "test-api-key";

    /// <summary>Whose <see cref="ApiKey"/> is: the bootstrap admin (made without a console password where no test sets one).</summary>
    public const string ApiKeyAccount = "admin";

    /// <summary>How the audit log names what <see cref="ApiKey"/> did: its account, then the key.</summary>
    public const string ApiKeyActor = "admin (api:Api:Keys:0)";

    public TestDatabase Database => database;

    /// <summary>Where a bot started on a real port listens, without a trailing slash.</summary>
    public string Address => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Tests run as a developer's machine does, against the LINE emulator over plain http, which only the Development
        // environment (or Bot:LocalMode) allows. A test of the production rules sets ["environment"] = "Production".
        builder.UseEnvironment(Environments.Development);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(s => services?.Invoke(s));
    }

    public HttpClient CreateApiClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        return client;
    }

    /// <summary>Posts a body to the webhook as LINE does: signed with the channel secret unless a signature is given.</summary>
    public Task<HttpResponseMessage> PostWebhookAsync(string body, string? signature = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        return PostWebhookAsync(bytes, signature ?? LineSignature.Compute(bytes, ChannelSecret));
    }

    public async Task<HttpResponseMessage> PostWebhookAsync(byte[] body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhook/line") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("x-line-signature", signature);
        }

        using var client = CreateClient();
        return await client.SendAsync(request);
    }

    public Task<long> CountInboxAsync(string where = "1 = 1") => database.ScalarAsync<long>($"SELECT COUNT(*) FROM inbox_events WHERE {where}");
}
