namespace OutreachBot.Surveys;

/// <summary>The keys of SurveyTexts.resx: a survey in the chat.</summary>
public static class SurveyTextKeys
{
    public const string Invite = "Survey.Invite";
    public const string Start = "Survey.Start";
    public const string AfterEvent = "Survey.AfterEvent";
    public const string Intro = "Survey.Intro";
    public const string Anonymous = "Survey.Anonymous";
    public const string Question = "Survey.Question";
    public const string ScaleHint = "Survey.ScaleHint";
    public const string MultipleHint = "Survey.MultipleHint";
    public const string TypeAnswer = "Survey.TypeAnswer";
    public const string Next = "Survey.Next";
    public const string Thanks = "Survey.Thanks";
    public const string ThanksAnonymous = "Survey.ThanksAnonymous";
    public const string Stopped = "Survey.Stopped";
    public const string Closed = "Survey.Closed";
    public const string AlreadyAnswered = "Survey.AlreadyAnswered";
    public const string Answered = "Survey.Answered";
    public const string NotFound = "Survey.NotFound";
}
