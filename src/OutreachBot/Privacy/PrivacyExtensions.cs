using OutreachBot.Conversations;
using OutreachBot.Conversations.Menu;

namespace OutreachBot.Privacy;

public static class PrivacyExtensions
{
    /// <summary>Citizens' own data (個人情報保護法): the menu's わたしのデータ, with deletion, and the reading and erasing staff use on request.</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddSingleton<CitizenDataReader>();
        services.AddSingleton<PersonalDataEraser>();
        services.AddSingleton<CitizenDataRequests>();
        services.AddScoped<PrivacyFlow>();
        services.AddMenuEntry(new MenuEntry("mydata", PrivacyTextKeys.Menu, new Command.ShowOwnData(), Order: 55));
        return services;
    }
}
