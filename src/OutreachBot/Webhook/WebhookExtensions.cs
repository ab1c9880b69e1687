using Microsoft.Extensions.Options;
using OutreachBot.Hosting;

namespace OutreachBot.Webhook;

public static class WebhookExtensions
{
    /// <summary>The webhook endpoint's settings, the durable inbox and the processor that drains it into the <see cref="IInboxHandler"/>.</summary>
    public static IServiceCollection AddWebhookInbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<LineWebhookOptions>(configuration, LineWebhookOptions.Section);
        services.AddSettings<InboxOptions>(configuration, InboxOptions.Section)
            .Validate<IOptions<LineClientOptions>>(
                LeaseOutlastsLineCalls,
                $"Inbox:ClaimLease must be at least Line:TotalTimeout plus {InboxOptions.LeaseMargin.TotalSeconds:0} seconds, so that a LINE call with all its retries ends before another instance may take the event.");
        services.AddSingleton<InboxSignal>();
        services.AddSingleton<InboxStore>();
        services.AddSingleton<ParkedEventRetry>();
        services.AddSingleton<InboxOutcomeWriter>();
        services.AddSingleton<InboxReplies>();
        services.AddSingleton<WebhookReceiver>();
        services.AddHostedSingleton<InboxWriter>();
        services.AddHostedSingleton<InboxProcessor>();
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
