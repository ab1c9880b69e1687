using OutreachBot.Hosting;

namespace OutreachBot;

/// <summary>The <c>Bot</c> settings every feature shares.</summary>
public sealed class BotOptions
{
    public const string Section = "Bot";

    /// <summary>Schedules are written and shown in this zone; everything is stored in UTC.</summary>
    public string TimeZone { get; set; } = "Asia/Tokyo";

    /// <summary>The language of a citizen the bot knows nothing about yet, and the fallback of every text.</summary>
    public string DefaultLanguage { get; set; } = "ja";

    /// <summary>
    /// Run against a stand-in for LINE outside the Development environment: local mode when no channel is set, and plain
    /// http platform URLs (an emulator). Read at start by <see cref="LocalMode.StartMode"/>; bound here so it is listed.
    /// </summary>
    public bool LocalMode { get; set; }

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}

public static class BotOptionsExtensions
{
    public static IServiceCollection AddBotOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<BotOptions>(configuration, BotOptions.Section)
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Bot:TimeZone is not a known time zone id (e.g. Asia/Tokyo).")
            .Validate(o => !string.IsNullOrWhiteSpace(o.DefaultLanguage), "Bot:DefaultLanguage is required (e.g. ja).");
        return services;
    }
}
