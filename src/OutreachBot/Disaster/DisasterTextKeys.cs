namespace OutreachBot.Disaster;

/// <summary>The keys of DisasterTexts.resx: the disaster menu, the emergency numbers, the 安否 answers and the drill mark.</summary>
public static class DisasterTextKeys
{
    public const string ChatBar = "Disaster.ChatBar";
    public const string MenuNumbers = "Disaster.MenuNumbers";
    public const string MenuSafe = "Disaster.MenuSafe";
    public const string MenuHelp = "Disaster.MenuHelp";
    public const string Numbers = "Disaster.Numbers";
    public const string SafeThanks = "Disaster.SafeThanks";
    public const string HelpNow = "Disaster.HelpNow";

    /// <summary>Wraps every text a drill sends: 【訓練】{0}.</summary>
    public const string Drill = "Disaster.Drill";
}
