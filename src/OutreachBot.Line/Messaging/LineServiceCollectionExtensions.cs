using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace OutreachBot.Line.Messaging;

public static class LineServiceCollectionExtensions
{
    /// <summary>Registers <see cref="LineMessagingClient"/> with options bound from the <c>Line</c> section of <paramref name="configuration"/>.</summary>
    public static IHttpClientBuilder AddLineMessagingClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<LineClientOptions>().Bind(configuration.GetSection(LineClientOptions.SectionName));
        return AddClient(services);
    }

    public static IHttpClientBuilder AddLineMessagingClient(this IServiceCollection services, Action<LineClientOptions> configure)
    {
        services.AddOptions<LineClientOptions>().Configure(configure);
        return AddClient(services);
    }

    private static IHttpClientBuilder AddClient(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LineClientOptions>, LineClientOptionsValidator>());
        services.AddOptions<LineClientOptions>().ValidateOnStart();
        services.TryAddTransient<LineBearerTokenHandler>();

        var builder = services
            // The resilience pipeline owns the timeouts; HttpClient's own 100 s would cut retries short.
            .AddHttpClient<LineMessagingClient>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler<LineBearerTokenHandler>()
            // HttpClient's logging prints header values at Trace level; none of them (Authorization above all) reaches a log.
            .RedactLoggedHeaders(static _ => true);
        builder.AddResilienceHandler("line", ConfigurePipeline);
        return builder;
    }

    private static void ConfigurePipeline(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        context.EnableReloads<LineClientOptions>();
        var options = context.ServiceProvider.GetRequiredService<IOptionsMonitor<LineClientOptions>>().CurrentValue;
        var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger<LineMessagingClient>();

        pipeline.AddTimeout(options.TotalTimeout);
        if (options.MaxAttempts > 1)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldRetryAfterHeader = true,
                ShouldHandle = ShouldRetry,
                OnRetry = args =>
                {
                    var request = args.Context.GetRequestMessage();
                    var operation = request?.Options.TryGetValue(LineRequestOptions.Operation, out var name) == true ? name : "call";
                    var failure = args.Outcome.Exception?.GetType().Name ?? ((int?)args.Outcome.Result?.StatusCode)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?";
                    LineClientLog.Retrying(logger, operation, args.AttemptNumber + 1, failure, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        pipeline.AddTimeout(options.AttemptTimeout);
    }

    private static ValueTask<bool> ShouldRetry(RetryPredicateArguments<HttpResponseMessage> args)
    {
        if (args.Outcome.Result?.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
        {
            return ValueTask.FromResult(true);
        }

        if (!HttpClientResiliencePredicates.IsTransient(args.Outcome))
        {
            return ValueTask.FromResult(false);
        }

        var request = args.Context.GetRequestMessage();
        var mode = request?.Options.TryGetValue(LineRequestOptions.RetryMode, out var m) == true ? m : LineRetryMode.OnlyWhenRejected;
        return ValueTask.FromResult(mode == LineRetryMode.Idempotent);
    }
}

/// <summary>Adds the channel access token to each request, read from options so a rotated token applies at once.</summary>
internal sealed class LineBearerTokenHandler(IOptionsMonitor<LineClientOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", options.CurrentValue.ChannelAccessToken);
        return base.SendAsync(request, cancellationToken);
    }
}
