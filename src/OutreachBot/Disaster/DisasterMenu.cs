using OutreachBot.Conversations;
using OutreachBot.Conversations.Menu;

namespace OutreachBot.Disaster;

/// <summary>The rich menu every follower sees while disaster mode is on (the drill's audience during a drill), in every language.</summary>
public static class DisasterMenu
{
    public static IReadOnlyList<MenuEntry> Entries { get; } =
    [
        new("sos", DisasterTextKeys.MenuNumbers, new Command.ShowEmergencyNumbers(), 10),
        new("shelters", DisasterTextKeys.MenuShelters, new Command.ShowShelters(), 15),
        new("hazard", DisasterTextKeys.MenuHazardMap, new Command.ShowHazardMap(), 17),
        new("safe", DisasterTextKeys.MenuSafe, new Command.ReportSafety(NeedsHelp: false), 20),
        new("help", DisasterTextKeys.MenuHelp, new Command.ReportSafety(NeedsHelp: true), 30),
        new("language", TextKeys.MenuLanguage, new Command.ShowLanguages(), 40),
    ];
}
