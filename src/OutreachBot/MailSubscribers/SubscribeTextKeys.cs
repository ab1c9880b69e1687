namespace OutreachBot.MailSubscribers;

/// <summary>The keys of SubscribeTexts.resx: the subscribe, confirm, manage and unsubscribe pages and the mails they send.</summary>
public static class SubscribeTextKeys
{
    public const string Title = "Subscribe.Title";
    public const string Intro = "Subscribe.Intro";
    public const string Address = "Subscribe.Address";
    public const string Topics = "Subscribe.Topics";
    public const string MailLanguage = "Subscribe.MailLanguage";
    public const string Submit = "Subscribe.Submit";
    public const string AddressInvalid = "Subscribe.AddressInvalid";
    public const string TopicsMissing = "Subscribe.TopicsMissing";
    public const string LanguageInvalid = "Subscribe.LanguageInvalid";
    public const string CheckMailTitle = "Subscribe.CheckMailTitle";
    public const string CheckMail = "Subscribe.CheckMail";
    public const string ConfirmedTitle = "Subscribe.ConfirmedTitle";
    public const string Confirmed = "Subscribe.Confirmed";
    public const string LinkExpired = "Subscribe.LinkExpired";
    public const string LinkInvalid = "Subscribe.LinkInvalid";
    public const string LinkProblemTitle = "Subscribe.LinkProblemTitle";
    public const string SubscribeAgain = "Subscribe.SubscribeAgain";
    public const string ManageTitle = "Subscribe.ManageTitle";
    public const string ManageIntro = "Subscribe.ManageIntro";
    public const string Save = "Subscribe.Save";
    public const string Saved = "Subscribe.Saved";
    public const string Leave = "Subscribe.Leave";
    public const string LeaveQuestion = "Subscribe.LeaveQuestion";
    public const string LeftTitle = "Subscribe.LeftTitle";
    public const string Left = "Subscribe.Left";
    public const string ConfirmMailSubject = "Subscribe.ConfirmMailSubject";
    public const string ConfirmMailBody = "Subscribe.ConfirmMailBody";
    public const string ConfirmMailButton = "Subscribe.ConfirmMailButton";
    public const string ManageMailSubject = "Subscribe.ManageMailSubject";
    public const string ManageMailBody = "Subscribe.ManageMailBody";
    public const string ManageMailButton = "Subscribe.ManageMailButton";
    public const string MailIgnore = "Subscribe.MailIgnore";
}
