using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OutreachBot.LineEmulator.Api;
using OutreachBot.LineEmulator.Chat;
using OutreachBot.LineEmulator.State;
using OutreachBot.LineEmulator.Validation;

namespace OutreachBot.LineEmulator.Hosting;

public static class EmulatorHostingExtensions
{
    /// <summary>Registers the emulated channel: its state (users, reply tokens, transcript, rich menus, quota), the request record and the fault controls.</summary>
    public static IServiceCollection AddLineEmulator(this IServiceCollection services, Action<EmulatorOptions>? configure = null)
    {
        var options = services.AddOptions<EmulatorOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return AddServices(services);
    }

    /// <summary>As <see cref="AddLineEmulator(IServiceCollection, Action{EmulatorOptions}?)"/>, bound from the <c>Emulator</c> section.</summary>
    public static IServiceCollection AddLineEmulator(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<EmulatorOptions>().Bind(configuration.GetSection(EmulatorOptions.SectionName));
        return AddServices(services);
    }

    /// <summary>Maps the Messaging API endpoints (<c>/v2/...</c>), Meta's Graph API (<c>/v26.0/...</c>) and the emulator's controls (<c>/_emulator/...</c>).</summary>
    public static IEndpointRouteBuilder MapLineEmulatorApi(this IEndpointRouteBuilder app)
    {
        LineApiEndpoints.Map(app);
        ControlEndpoints.Map(app);
        Meta.GraphEndpoints.Map(app);
        Meta.MetaControlEndpoints.Map(app);
        return app;
    }

    /// <summary>The whole emulator: the Messaging API, its controls and the chat page (<c>/</c> leads to <c>/chat</c>).</summary>
    public static IEndpointRouteBuilder MapLineEmulator(this IEndpointRouteBuilder app)
    {
        app.MapLineEmulatorApi();
        app.MapLineEmulatorChat();
        Meta.MetaView.Map(app);
        app.MapGet("/", () => Results.Redirect(ChatEndpoints.PagePath)).ExcludeFromDescription();
        return app;
    }

    private static IServiceCollection AddServices(IServiceCollection services)
    {
        services.AddOptions<EmulatorOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmulatorOptions>, EmulatorOptionsValidator>());
        services.AddRouting();
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton<EmulatedUsers>();
        services.TryAddSingleton(sp => new ChatTranscript(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new ReplyTokenBook(
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<EmulatorOptions>>().Value.ReplyTokenLifetime));
        services.TryAddSingleton(sp => new RetryKeyBook(
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<EmulatorOptions>>().Value.RetryKeyLifetime));
        services.TryAddSingleton(sp => new QuotaBook(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new InsightBook(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<RequestJournal>();
        services.TryAddSingleton<FaultInjector>();
        services.TryAddSingleton<RichMenuBook>();
        services.TryAddSingleton(LineRequestValidator.Default);
        services.TryAddSingleton<RateGate>();
        services.TryAddSingleton<LineApiPipeline>();
        services.TryAddSingleton<MessagingHandlers>();
        services.TryAddSingleton<InsightHandlers>();
        services.TryAddSingleton<RichMenuHandlers>();
        services.TryAddSingleton<RichMenuBatchBook>();
        services.TryAddSingleton<RichMenuBatchHandlers>();
        services.TryAddSingleton<Meta.MetaBook>();
        services.TryAddSingleton<Meta.MetaFaults>();
        services.TryAddSingleton<Meta.GraphHandlers>();

        // The chat page signs and addresses its webhooks with the emulated channel's own settings: one source.
        services.AddLineEmulatorChat();
        services.AddSingleton<IConfigureOptions<ChatOptions>>(sp => new ConfigureOptions<ChatOptions>(chat =>
        {
            var channel = sp.GetRequiredService<IOptions<EmulatorOptions>>().Value;
            chat.ChannelSecret = channel.ChannelSecret;
            chat.BotWebhookUrl = channel.BotWebhookUrl;
            chat.Destination = channel.BotUserId;
        }));
        return services;
    }
}
