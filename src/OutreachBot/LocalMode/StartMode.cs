namespace OutreachBot.LocalMode;

/// <summary>
/// Whether this process may talk to a stand-in for LINE (or Meta) rather than the real platform: in the Development
/// environment, or when <c>Bot:LocalMode</c> asks for it. Only then does a missing channel mean local mode, and only
/// then may a platform's base URL be plain http; anywhere else the bot sends real tokens and needs real settings.
/// </summary>
public sealed record StartMode(bool Development, bool LocalModeRequested)
{
    public const string LocalModeSetting = "Bot:LocalMode";

    public bool AllowsStandIns => Development || LocalModeRequested;

    public static StartMode From(IHostEnvironment environment, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new(environment.IsDevelopment(), configuration.GetValue<bool>(LocalModeSetting));
    }
}
