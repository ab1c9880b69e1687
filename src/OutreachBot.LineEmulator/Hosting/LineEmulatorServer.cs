using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OutreachBot.LineEmulator.Api;
using OutreachBot.LineEmulator.State;
using OutreachBot.LineEmulator.Validation;

namespace OutreachBot.LineEmulator.Hosting;

/// <summary>
/// The emulator on real Kestrel at 127.0.0.1, for tests and benchmarks:
/// <code>
/// await using var line = await LineEmulatorServer.StartAsync(new EmulatorOptions());
/// // point the client at line.BaseUrl with EmulatorOptions.DefaultChannelAccessToken
/// </code>
/// </summary>
public sealed class LineEmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LineEmulatorServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>Where the emulator listens, e.g. <c>http://127.0.0.1:41234/</c>: the client's ApiBaseUrl and DataApiBaseUrl.</summary>
    public Uri BaseUrl { get; }

    public IServiceProvider Services => _app.Services;

    public EmulatorOptions Options => Get<Microsoft.Extensions.Options.IOptions<EmulatorOptions>>().Value;

    public EmulatedUsers Users => Get<EmulatedUsers>();

    public ReplyTokenBook ReplyTokens => Get<ReplyTokenBook>();

    public ChatTranscript Transcript => Get<ChatTranscript>();

    /// <summary>Every request answered and every delivery made.</summary>
    public RequestJournal Journal => Get<RequestJournal>();

    public FaultInjector Faults => Get<FaultInjector>();

    public RichMenuBook RichMenus => Get<RichMenuBook>();

    public RichMenuBatchBook RichMenuBatches => Get<RichMenuBatchBook>();

    public QuotaBook Quota => Get<QuotaBook>();

    public InsightBook Insight => Get<InsightBook>();

    public LineRequestValidator Validator => Get<LineRequestValidator>();

    /// <summary>The emulated Facebook Page and Instagram account: followers, posts and media.</summary>
    public Meta.MetaBook Meta => Get<Meta.MetaBook>();

    public Meta.MetaFaults MetaFaults => Get<Meta.MetaFaults>();

    /// <param name="port">0 picks a free port.</param>
    /// <param name="timeProvider">Replaces the clock (reply token and retry key lifetimes, quota month); real time when null.</param>
    public static async Task<LineEmulatorServer> StartAsync(
        EmulatorOptions options, int port = 0, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        if (timeProvider is not null)
        {
            builder.Services.AddSingleton(timeProvider);
        }

        builder.Services.AddLineEmulator(options.CopyTo);
        var app = builder.Build();
        app.MapLineEmulator();
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LineEmulatorServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    /// <summary>
    /// Points the chat page at the bot's webhook once the bot listens (local mode starts the emulator first).
    /// The options objects are the live singletons the chat reads on every send.
    /// </summary>
    public void ConnectBot(Uri webhookUrl)
    {
        Options.BotWebhookUrl = webhookUrl;
        Get<Microsoft.Extensions.Options.IOptionsMonitor<Chat.ChatOptions>>().CurrentValue.BotWebhookUrl = webhookUrl;
    }

    /// <summary>A user who follows the account, so push and multicast reach them.</summary>
    public EmulatedUser AddFollower(string userId, string? displayName = null, string language = "ja")
    {
        var user = Users.GetOrAdd(userId, displayName, language) with { Following = true, Blocked = false };
        Users.Update(user);
        return user;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private T Get<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();
}
