namespace OutreachBot.Privacy;

/// <summary>The keys of PrivacyTexts.resx: a citizen's own data shown in the chat, and deleting it.</summary>
public static class PrivacyTextKeys
{
    public const string Menu = "Privacy.Menu";
    public const string Intro = "Privacy.Intro";
    public const string Language = "Privacy.Language";
    public const string DisplayName = "Privacy.DisplayName";
    public const string District = "Privacy.District";
    public const string Since = "Privacy.Since";
    public const string Topics = "Privacy.Topics";
    public const string Reminders = "Privacy.Reminders";
    public const string Applications = "Privacy.Applications";
    public const string Application = "Privacy.Application";
    public const string Applicant = "Privacy.Applicant";
    public const string Questions = "Privacy.Questions";
    public const string Replies = "Privacy.Replies";
    public const string Surveys = "Privacy.Surveys";
    public const string SurveyAnswered = "Privacy.SurveyAnswered";
    public const string Item = "Privacy.Item";
    public const string Answer = "Privacy.Answer";
    public const string None = "Privacy.None";
    public const string Outro = "Privacy.Outro";
    public const string Omitted = "Privacy.Omitted";
    public const string Erase = "Privacy.Erase";
    public const string EraseConfirm = "Privacy.EraseConfirm";
    public const string EraseYes = "Privacy.EraseYes";
    public const string EraseNo = "Privacy.EraseNo";
    public const string Erased = "Privacy.Erased";
    public const string EraseCancelled = "Privacy.EraseCancelled";
    public const string AlreadyErased = "Privacy.AlreadyErased";

    public const string StatusConfirmed = "Privacy.Status.confirmed";
    public const string StatusWaiting = "Privacy.Status.waiting";
    public const string StatusCancelled = "Privacy.Status.cancelled";
    public const string StatusAttended = "Privacy.Status.attended";

    /// <summary>An application's status as stored (<c>confirmed</c>, <c>waiting</c>, <c>cancelled</c>, <c>attended</c>), to say in words.</summary>
    public static string Status(string status) => status switch
    {
        "waiting" => StatusWaiting,
        "cancelled" => StatusCancelled,
        "attended" => StatusAttended,
        _ => StatusConfirmed,
    };
}
