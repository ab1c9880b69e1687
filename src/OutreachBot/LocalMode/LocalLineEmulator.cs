using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OutreachBot.LineEmulator.Hosting;
using OutreachBot.Mail;
using OutreachBot.Webhook;

namespace OutreachBot.LocalMode;

/// <summary>Runs the LINE emulator for local mode and, once the bot listens, tells it where the bot's webhook is.</summary>
internal sealed partial class LocalLineEmulator(
    LocalEmulatorSettings settings,
    IServer server,
    IHostApplicationLifetime lifetime,
    Database database,
    IMailTransport mail,
    ILogger<LocalLineEmulator> logger) : IHostedService, IAsyncDisposable
{
    private LineEmulatorServer? _emulator;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _emulator = await LineEmulatorServer.StartAsync(
                new EmulatorOptions { ChannelSecret = settings.ChannelSecret, MailFolder = (mail as LocalMailFolder)?.Folder },
                settings.EmulatorUrl.Port,
                cancellationToken: cancellationToken);
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException(
                $"Local mode could not serve the LINE emulator at {settings.EmulatorUrl}: is the port in use? Set LocalMode:EmulatorUrl to another.", ex);
        }

        lifetime.ApplicationStarted.Register(ConnectToBot);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
            _emulator = null;
        }
    }

    private void ConnectToBot()
    {
        var bot = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))
                  ?? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (_emulator is null || bot is null)
        {
            return;
        }

        var botUrl = new Uri(bot.Replace("[::]", "localhost", StringComparison.Ordinal).Replace("0.0.0.0", "localhost", StringComparison.Ordinal));
        var webhook = new Uri(botUrl, WebhookEndpoint.Path);
        var console = new Uri(botUrl, "/console");
        _emulator.ConnectBot(webhook);
        LogLocalMode(console, _emulator.BaseUrl, webhook, database.SqliteFile ?? "PostgreSQL (Storage:ConnectionString)", (mail as LocalMailFolder)?.Folder ?? "Mail:SmtpHost");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = """
        OutreachBot runs in LOCAL MODE (no Line:ChannelSecret set): the LINE emulator plays LINE, no account needed.
              Staff console:                   {ConsoleUrl}
              Emulator chat, act as citizens:  {EmulatorUrl}
              Bot webhook:                     {Webhook}
              Database:                        {Database}
              Mails (shown beside the chat):   {MailFolder}
              Set Line:ChannelSecret and Line:ChannelAccessToken to serve a real LINE channel (see README.md).
        """)]
    private partial void LogLocalMode(Uri consoleUrl, Uri emulatorUrl, Uri webhook, string database, string mailFolder);
}
