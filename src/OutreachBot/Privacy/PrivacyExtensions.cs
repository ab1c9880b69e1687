using OutreachBot.Conversations;
using OutreachBot.Conversations.Menu;
using OutreachBot.Hosting;

namespace OutreachBot.Privacy;

public static class PrivacyExtensions
{
    /// <summary>
    /// Citizens' own data (個人情報保護法): the menu's わたしのデータ with deletion, the reading and erasing staff use on
    /// request, and the retention sweep with its <c>Privacy</c> settings.
    /// </summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<PrivacyOptions>(configuration, PrivacyOptions.Section);
        services.AddHostedSingleton<RetentionSweep>();
        services.AddSingleton<CitizenDataReader>();
        services.AddSingleton<PersonalDataEraser>();
        services.AddSingleton<CitizenDataRequests>();
        services.AddScoped<PrivacyFlow>();
        services.AddMenuEntry(new MenuEntry("mydata", PrivacyTextKeys.Menu, new Command.ShowOwnData(), Order: 55));
        return services;
    }
}
