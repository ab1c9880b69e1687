using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace OutreachBot.Broadcasts.Fanout;

/// <summary>
/// The LINE client the fan-out sends with: one try per call and a short timeout, no retries of its own, because the
/// ledger retries later with the same key (and so frees the sender for other batches meanwhile). Thousands of calls
/// a run: no cookies, redirects or per-request logging scopes on them; the client logs each answer itself.
/// </summary>
public sealed class MulticastClient(IHttpClientFactory factory, IOptionsMonitor<LineClientOptions> lineOptions, ILogger<LineMessagingClient> logger)
{
    public const string HttpClientName = "OutreachBot.Broadcasts.Multicast";

    public LineMessagingClient Create() => new(factory.CreateClient(HttpClientName), lineOptions, logger);

    public static void Register(IServiceCollection services)
    {
        services.AddTransient<MulticastBearerHandler>();
        services.AddHttpClient(HttpClientName, (sp, client) => client.Timeout = sp.GetRequiredService<IOptions<BroadcastOptions>>().Value.AttemptTimeout)
            .AddHttpMessageHandler<MulticastBearerHandler>()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                UseCookies = false,
                AllowAutoRedirect = false,
            })
            .RemoveAllLoggers();
        services.AddSingleton<MulticastClient>();
    }
}

/// <summary>The channel access token on each fan-out request, read per request so that a rotated token applies at once.</summary>
internal sealed class MulticastBearerHandler(IOptionsMonitor<LineClientOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.CurrentValue.ChannelAccessToken);
        return base.SendAsync(request, cancellationToken);
    }
}
