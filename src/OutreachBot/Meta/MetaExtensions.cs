using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using OutreachBot.Hosting;
using OutreachBot.LocalMode;
using Polly;

namespace OutreachBot.Meta;

public static class MetaExtensions
{
    /// <summary>
    /// The Facebook Page and Instagram channels: settings, the Graph client and the connection. In local mode, with no
    /// <c>Meta:GraphApiBaseUrl</c> of its own, the client talks to the emulator's Graph API beside the LINE one.
    /// </summary>
    public static IServiceCollection AddMeta(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var baseUrlSet = configuration[$"{MetaOptions.Section}:{nameof(MetaOptions.GraphApiBaseUrl)}"] is not null;
        services.AddSettings<MetaOptions>(configuration, MetaOptions.Section)
            .PostConfigure<IServiceProvider>((o, sp) =>
            {
                if (!baseUrlSet && sp.GetService<LocalEmulatorSettings>() is { } local)
                {
                    o.GraphApiBaseUrl = local.EmulatorUrl;
                }
            })
            .Validate<StartMode>(
                (o, mode) => PlatformBaseUrl.Problem(o.GraphApiBaseUrl, "Meta:GraphApiBaseUrl", mode) is null,
                "Meta:GraphApiBaseUrl must be an https URL (http only in the Development environment or with Bot:LocalMode=true).")
            .Validate(
                o => !o.Configured || !string.IsNullOrWhiteSpace(o.PageAccessToken),
                "Meta:PageAccessToken is required with Meta:PageId.");
        services.AddSingleton<MetaConnections>();
        services.AddSingleton<SocialPostStore>();
        services.AddSingleton<SocialPostActions>();
        services.AddHostedSingleton<SocialPublisher>();
        services.AddHostedSingleton<FollowerRecorder>();
        services.AddSingleton(sp => new MetaEmulator(!baseUrlSet && sp.GetService<LocalEmulatorSettings>() is not null));
        services.AddHttpClient<GraphClient>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            // HttpClient's logging prints header values at Trace level; the token in Authorization never reaches a log.
            .RedactLoggedHeaders(static _ => true)
            .AddResilienceHandler("meta", ConfigurePipeline);
        return services;
    }

    /// <summary>
    /// As the LINE client's: a total timeout, retries of what is safe to repeat, a timeout per attempt. Only reads
    /// (GET) are retried here: a post that got no answer may have been made, and the publisher looks before posting again.
    /// </summary>
    private static void ConfigurePipeline(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        context.EnableReloads<MetaOptions>();
        var options = context.ServiceProvider.GetRequiredService<IOptionsMonitor<MetaOptions>>().CurrentValue;
        pipeline.AddTimeout(options.AttemptTimeout * 3);
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 2,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(500),
            ShouldHandle = args => ValueTask.FromResult(
                args.Context.GetRequestMessage()?.Method == HttpMethod.Get && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
        });
        pipeline.AddTimeout(options.AttemptTimeout);
    }
}

/// <summary>Local mode plays Meta with the emulator: the settings page offers the emulated Page's id and token.</summary>
public sealed record MetaEmulator(bool Active)
{
    public string PageId => new OutreachBot.LineEmulator.Meta.MetaAccounts().PageId;

    public string InstagramUserId => new OutreachBot.LineEmulator.Meta.MetaAccounts().InstagramUserId;

    public string PageAccessToken => OutreachBot.LineEmulator.Meta.MetaAccounts.DefaultPageAccessToken;
}
