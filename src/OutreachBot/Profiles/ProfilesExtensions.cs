using OutreachBot.Conversations;
using OutreachBot.Conversations.Menu;
using OutreachBot.Profiles.CityLists;

namespace OutreachBot.Profiles;

public static class ProfilesExtensions
{
    /// <summary>
    /// Citizens' profiles with consent (プロフィール in the menu) and the city's lists they choose from, which staff keep
    /// on the console; broadcasts target them through <see cref="ProfileFilter"/>.
    /// </summary>
    public static IServiceCollection AddProfiles(this IServiceCollection services)
    {
        services.AddSingleton<CityListStore>();
        services.AddSingleton<ProfileStore>();
        services.AddScoped<ProfileFlow>();
        services.AddMenuEntry(new MenuEntry("profile", ProfileTextKeys.Menu, new Command.ProfileShow(), Order: 53));
        return services;
    }
}
