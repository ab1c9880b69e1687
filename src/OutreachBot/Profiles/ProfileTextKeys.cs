namespace OutreachBot.Profiles;

/// <summary>The keys of ProfileTexts.resx: a citizen's profile in the chat, its consent, and its lines in わたしのデータ.</summary>
public static class ProfileTextKeys
{
    public const string Menu = "Profile.Menu";
    public const string Consent = "Profile.Consent";
    public const string Agree = "Profile.Agree";
    public const string Decline = "Profile.Decline";
    public const string Declined = "Profile.Declined";
    public const string AskArea = "Profile.AskArea";
    public const string AskDistrict = "Profile.AskDistrict";
    public const string OtherArea = "Profile.OtherArea";
    public const string NoDistricts = "Profile.NoDistricts";
    public const string AskAge = "Profile.AskAge";
    public const string Skip = "Profile.Skip";
    public const string AskSkills = "Profile.AskSkills";
    public const string AskDays = "Profile.AskDays";
    public const string Next = "Profile.Next";
    public const string Done = "Profile.Done";
    public const string PagePrevious = "Profile.PagePrevious";
    public const string PageNext = "Profile.PageNext";
    public const string Page = "Profile.Page";
    public const string Summary = "Profile.Summary";
    public const string Unset = "Profile.Unset";
    public const string ChangeDistrict = "Profile.ChangeDistrict";
    public const string ChangeAge = "Profile.ChangeAge";
    public const string ChangeSkills = "Profile.ChangeSkills";
    public const string ChangeDays = "Profile.ChangeDays";
    public const string Erase = "Profile.Erase";
    public const string EraseConfirm = "Profile.EraseConfirm";
    public const string EraseYes = "Profile.EraseYes";
    public const string EraseNo = "Profile.EraseNo";
    public const string Erased = "Profile.Erased";
    public const string EraseCancelled = "Profile.EraseCancelled";
    public const string NotOffered = "Profile.NotOffered";
    public const string OwnData = "Profile.OwnData";

    public const string Age10s = "Profile.Age.10s";
    public const string Age20s = "Profile.Age.20s";
    public const string Age30s = "Profile.Age.30s";
    public const string Age40s = "Profile.Age.40s";
    public const string Age50s = "Profile.Age.50s";
    public const string Age60s = "Profile.Age.60s";
    public const string Age70s = "Profile.Age.70s";
    public const string Age80Plus = "Profile.Age.80+";

    public const string DayMon = "Profile.Day.mon";
    public const string DayTue = "Profile.Day.tue";
    public const string DayWed = "Profile.Day.wed";
    public const string DayThu = "Profile.Day.thu";
    public const string DayFri = "Profile.Day.fri";
    public const string DaySat = "Profile.Day.sat";
    public const string DaySun = "Profile.Day.sun";

    /// <summary>The words for an age band as stored (<c>10s</c> … <c>80+</c>).</summary>
    public static string AgeBand(string band) => "Profile.Age." + band;

    /// <summary>The words for a day as stored (<c>mon</c> … <c>sun</c>).</summary>
    public static string Day(string day) => "Profile.Day." + day;
}
