namespace OutreachBot.Groups;

/// <summary>The keys of GroupTexts.resx: the civic groups' directory on the public pages.</summary>
public static class GroupTextKeys
{
    public const string Title = "Groups.Title";
    public const string Field = "Groups.Field";
    public const string Area = "Groups.Area";
    public const string All = "Groups.All";
    public const string Filter = "Groups.Filter";
    public const string None = "Groups.None";
    public const string Recruiting = "Groups.Recruiting";
    public const string Website = "Groups.Website";
    public const string Contact = "Groups.Contact";
    public const string Back = "Groups.Back";
    public const string Fields = "Groups.Fields";
    public const string Areas = "Groups.Areas";
}
