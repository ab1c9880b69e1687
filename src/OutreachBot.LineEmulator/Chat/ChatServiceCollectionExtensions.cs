using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace OutreachBot.LineEmulator.Chat;

public static class ChatServiceCollectionExtensions
{
    /// <summary>
    /// Adds the chat page's services. The emulator's shared state (<c>ReplyTokenBook</c>, <c>EmulatedUsers</c>,
    /// <c>ChatTranscript</c>) is registered by the host, because the Messaging API side shares it; the figures the page
    /// reports (<c>InsightBook</c>) are added here when the host has not.
    /// </summary>
    public static IServiceCollection AddLineEmulatorChat(this IServiceCollection services, Action<ChatOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ChatOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChatOptions>, ChatOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DeliveryLog>();
        services.TryAddSingleton<WebhookEventFactory>();
        services.TryAddSingleton<WebhookSender>();
        services.TryAddSingleton<ChatViews>();
        services.TryAddSingleton<CitizenActions>();
        services.TryAddSingleton(sp => new State.InsightBook(sp.GetRequiredService<TimeProvider>()));

        services.AddHttpClient(WebhookSender.HttpClientName)
            .ConfigureHttpClient((provider, client) =>
                client.Timeout = provider.GetRequiredService<IOptions<ChatOptions>>().Value.WebhookTimeout)
            // A redirect or a cookie from the bot is something to see, not to follow: LINE follows neither.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        return services;
    }
}
