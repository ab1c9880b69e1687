namespace OutreachBot.Webhook;

public static class WebhookExtensions
{
    /// <summary>The webhook endpoint's settings, the durable inbox and the processor that drains it into the <see cref="IInboxHandler"/>.</summary>
    public static IServiceCollection AddWebhookInbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LineWebhookOptions>().Bind(configuration.GetSection(LineWebhookOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<InboxOptions>().Bind(configuration.GetSection(InboxOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<InboxSignal>();
        services.AddSingleton<InboxStore>();
        services.AddSingleton<InboxWriter>();
        services.AddSingleton<InboxOutcomeWriter>();
        services.AddSingleton<WebhookReceiver>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxWriter>());
        services.AddSingleton<InboxProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxProcessor>());
        return services;
    }
}
