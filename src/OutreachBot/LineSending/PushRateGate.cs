using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using OutreachBot.Broadcasts;

namespace OutreachBot.LineSending;

/// <summary>
/// Puts <see cref="PushRateLimiter"/> at the end of every HTTP client the bot's factory builds (the LINE client, the
/// fan-out's, any added later), next to the socket: every push, each retry of one included, waits for its turn there,
/// whoever sends it. The bot makes no HTTP client of its own (an architectural test holds it to that).
/// </summary>
internal sealed class PushRateGate(PushRateLimiter limiter, IOptions<BroadcastOptions> options) : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        builder.AdditionalHandlers.Add(new PushRateHandler(limiter, options.Value.PushPerSecond));
    };
}

/// <summary>Holds a push until the limiter gives it a turn; other requests pass at once.</summary>
internal sealed class PushRateHandler(SpacedRateLimiter limiter, int ceiling) : DelegatingHandler
{
    public const string PushPath = "/v2/bot/message/push";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Post && request.RequestUri?.AbsolutePath.EndsWith(PushPath, StringComparison.Ordinal) == true)
        {
            RatePermit permit;
            try
            {
                permit = await limiter.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException ex)
            {
                // Not a silence from LINE, which a retry would wait out again: nothing went out.
                throw new LineApiException(
                    "push",
                    null,
                    $"The push was not sent: it was still waiting for its turn under Broadcasts:PushPerSecond ({ceiling}/s for the channel, {limiter.PerSecond}/s for this instance now) when it timed out (Line:AttemptTimeout) or was cancelled.",
                    ex);
            }

            using (permit)
            {
                return await base.SendAsync(request, cancellationToken);
            }
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
