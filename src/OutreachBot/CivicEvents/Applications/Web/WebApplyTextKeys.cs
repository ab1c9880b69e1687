namespace OutreachBot.CivicEvents.Applications.Web;

/// <summary>The keys of WebApplyTexts.resx: applying to an event on its web page with an e-mail address, and its mails.</summary>
public static class WebApplyTextKeys
{
    public const string Button = "WebApply.Button";
    public const string Title = "WebApply.Title";
    public const string Intro = "WebApply.Intro";
    public const string Address = "WebApply.Address";
    public const string Name = "WebApply.Name";
    public const string PartySize = "WebApply.PartySize";
    public const string Submit = "WebApply.Submit";
    public const string AddressInvalid = "WebApply.AddressInvalid";
    public const string NameInvalid = "WebApply.NameInvalid";
    public const string PartyInvalid = "WebApply.PartyInvalid";
    public const string AnswerInvalid = "WebApply.AnswerInvalid";
    public const string Closed = "WebApply.Closed";
    public const string CheckMailTitle = "WebApply.CheckMailTitle";
    public const string CheckMail = "WebApply.CheckMail";
    public const string ConfirmMailSubject = "WebApply.ConfirmMailSubject";
    public const string ConfirmMailBody = "WebApply.ConfirmMailBody";
    public const string ConfirmTitle = "WebApply.ConfirmTitle";
    public const string ConfirmButton = "WebApply.ConfirmButton";
    public const string Confirmed = "WebApply.Confirmed";
    public const string Waiting = "WebApply.Waiting";
    public const string AppliedMailSubject = "WebApply.AppliedMailSubject";
    public const string CancelHint = "WebApply.CancelHint";
    public const string CancelTitle = "WebApply.CancelTitle";
    public const string CancelButton = "WebApply.CancelButton";
    public const string Cancelled = "WebApply.Cancelled";
    public const string CannotCancel = "WebApply.CannotCancel";
    public const string LinkProblemTitle = "WebApply.LinkProblemTitle";
    public const string LinkExpired = "WebApply.LinkExpired";
    public const string LinkInvalid = "WebApply.LinkInvalid";
    public const string MailIgnore = "WebApply.MailIgnore";
    public const string MovedUpSubject = "WebApply.MovedUpSubject";
    public const string CancelledSubject = "WebApply.CancelledSubject";
    public const string MovedSubject = "WebApply.MovedSubject";
    public const string Moved = "WebApply.Moved";
}
