using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using OutreachBot.LineEmulator.Hosting;
using OutreachBot.StaffConsole;

namespace OutreachBot.LocalMode;

/// <summary>
/// With no <c>Line:ChannelSecret</c> in the Development environment (or with <c>Bot:LocalMode</c>), the bot needs no
/// LINE account: it hosts the LINE emulator beside itself, points its LINE client at it and makes up a channel secret
/// the two share. Never used once a real channel is configured; anywhere else a missing secret stops the start.
/// </summary>
public static class LocalModeExtensions
{
    public static bool AddLocalModeWhenNoChannel(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var mode = StartMode.From(builder.Environment, builder.Configuration);
        builder.Services.AddSingleton(mode);
        builder.Services.AddSingleton<IValidateOptions<LineClientOptions>, LineBaseUrlsValidator>();
        if (!string.IsNullOrWhiteSpace(builder.Configuration["Line:ChannelSecret"]) || !mode.AllowsStandIns)
        {
            return false;
        }

        var options = builder.Configuration.GetSection(LocalModeOptions.Section).Get<LocalModeOptions>() ?? new LocalModeOptions();
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var emulatorUrl = options.EmulatorUrl.ToString();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Line:ChannelSecret"] = secret,
            ["Line:ChannelAccessToken"] = EmulatorOptions.DefaultChannelAccessToken,
            ["Line:ApiBaseUrl"] = emulatorUrl,
            ["Line:DataApiBaseUrl"] = emulatorUrl,
        });
        if (string.IsNullOrEmpty(builder.Configuration["Console:BootstrapAdminPassword"]))
        {
            // So that the console can be tried at once: a one-time admin password, printed at start, to be changed at first sign-in.
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Console:BootstrapAdminPassword"] = StaffPasswords.Temporary(),
            });
            builder.Services.PostConfigure<ConsoleOptions>(o => o.AnnounceBootstrapPassword = true);
        }

        builder.Services.AddSingleton(new LocalEmulatorSettings(secret, options.EmulatorUrl));
        builder.Services.AddHostedService<LocalLineEmulator>();
        return true;
    }
}

public sealed class LocalModeOptions
{
    public const string Section = "LocalMode";

    /// <summary>Where local mode serves the emulator and its chat page (loopback only).</summary>
    public Uri EmulatorUrl { get; set; } = new("http://localhost:5081");
}

internal sealed record LocalEmulatorSettings(string ChannelSecret, Uri EmulatorUrl);
