namespace OutreachBot.Disaster;

/// <summary>The keys of DisasterTexts.resx: the disaster menu, the emergency numbers, the shelters, the hazard map, the 安否 answers and the drill mark.</summary>
public static class DisasterTextKeys
{
    public const string ChatBar = "Disaster.ChatBar";
    public const string MenuNumbers = "Disaster.MenuNumbers";
    public const string MenuSafe = "Disaster.MenuSafe";
    public const string MenuHelp = "Disaster.MenuHelp";
    public const string Numbers = "Disaster.Numbers";
    public const string SafeThanks = "Disaster.SafeThanks";
    public const string HelpNow = "Disaster.HelpNow";
    public const string HelpLocation = "Disaster.HelpLocation";
    public const string MenuShelters = "Disaster.MenuShelters";
    public const string MenuHazardMap = "Disaster.MenuHazardMap";
    public const string SheltersAltText = "Disaster.SheltersAltText";
    public const string SheltersPrompt = "Disaster.SheltersPrompt";
    public const string SheltersNearest = "Disaster.SheltersNearest";
    public const string SheltersMore = "Disaster.SheltersMore";
    public const string SheltersNoneOpen = "Disaster.SheltersNoneOpen";
    public const string ShareLocation = "Disaster.ShareLocation";
    public const string ShelterMap = "Disaster.ShelterMap";
    public const string ShelterDistance = "Disaster.ShelterDistance";
    public const string ShelterCapacity = "Disaster.ShelterCapacity";
    public const string KindDesignated = "Disaster.KindDesignated";
    public const string KindEmergency = "Disaster.KindEmergency";
    public const string KindWelfare = "Disaster.KindWelfare";
    public const string HazardMap = "Disaster.HazardMap";
    public const string HazardMapMissing = "Disaster.HazardMapMissing";

    /// <summary>Wraps every text a drill sends: 【訓練】{0}.</summary>
    public const string Drill = "Disaster.Drill";
}
