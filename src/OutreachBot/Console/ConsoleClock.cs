using System.Globalization;
using Microsoft.Extensions.Options;

namespace OutreachBot.StaffConsole;

/// <summary>Instants as staff read them: in <c>Bot:TimeZone</c>, written the same way in both languages.</summary>
public sealed class ConsoleClock(IOptions<BotOptions> bot, TimeProvider time)
{
    public TimeZoneInfo Zone => bot.Value.Zone;

    public DateTimeOffset UtcNow => time.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).DateTime);

    public string Format(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public string Format(DateTimeOffset? at) => at is { } value ? Format(value) : "—";
}
