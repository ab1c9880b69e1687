namespace OutreachBot.Conversations.Menu;

public static class MenuEntryRegistration
{
    /// <summary>Adds an entry to the <see cref="MainMenu"/>: the text menu and every language's rich menu show it.</summary>
    public static IServiceCollection AddMenuEntry(this IServiceCollection services, MenuEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return services.AddSingleton(entry);
    }
}
