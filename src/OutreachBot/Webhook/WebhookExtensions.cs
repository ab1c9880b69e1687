using Microsoft.Extensions.Options;
using OutreachBot.Line.Messaging;

namespace OutreachBot.Webhook;

public static class WebhookExtensions
{
    /// <summary>The webhook endpoint's settings, the durable inbox and the processor that drains it into the <see cref="IInboxHandler"/>.</summary>
    public static IServiceCollection AddWebhookInbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LineWebhookOptions>().Bind(configuration.GetSection(LineWebhookOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<InboxOptions>()
            .Bind(configuration.GetSection(InboxOptions.Section))
            .ValidateDataAnnotations()
            .Validate<IOptions<LineClientOptions>>(
                LeaseOutlastsLineCalls,
                $"Inbox:ClaimLease must be at least Line:TotalTimeout plus {InboxOptions.LeaseMargin.TotalSeconds:0} seconds, so that a LINE call with all its retries ends before another instance may take the event.")
            .ValidateOnStart();
        services.AddSingleton<InboxSignal>();
        services.AddSingleton<InboxStore>();
        services.AddSingleton<ParkedEventRetry>();
        services.AddSingleton<InboxWriter>();
        services.AddSingleton<InboxOutcomeWriter>();
        services.AddSingleton<InboxReplies>();
        services.AddSingleton<WebhookReceiver>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxWriter>());
        services.AddSingleton<InboxProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxProcessor>());
        return services;
    }

    private static bool LeaseOutlastsLineCalls(InboxOptions inbox, IOptions<LineClientOptions> line)
    {
        try
        {
            return inbox.ClaimLease >= line.Value.TotalTimeout + InboxOptions.LeaseMargin;
        }
        catch (OptionsValidationException)
        {
            // Invalid LINE settings are reported by their own check, together with the others, rather than hidden behind this one.
            return true;
        }
    }
}
