namespace OutreachBot.Conversations;

/// <summary>
/// What a citizen asks for, by tapping a button (postback) or typing a command: both end up as one of these, so the
/// router has one place that acts on them.
/// </summary>
public abstract record Command
{
    public sealed record ShowMenu : Command;

    public sealed record ShowHelp : Command;

    public sealed record ShowLanguages : Command;

    public sealed record ChooseLanguage(string Language) : Command;

    /// <param name="Page">1-based.</param>
    public sealed record ShowTopics(int Page) : Command;

    public sealed record Subscribe(long TopicId) : Command;

    public sealed record Unsubscribe(long TopicId) : Command;

    public sealed record ShowSubscriptions : Command;

    /// <summary>配信停止: asks for a confirmation first.</summary>
    public sealed record StopAll : Command;

    /// <param name="AskedAt">When the confirmation was offered (unix seconds): a confirmation tapped much later is refused.</param>
    public sealed record ConfirmStopAll(long AskedAt) : Command;

    public sealed record CancelStopAll : Command;

    /// <summary>A returning citizen keeps their earlier subscriptions.</summary>
    public sealed record KeepSubscriptions : Command;

    /// <param name="AskedAt">When the question was asked (unix seconds).</param>
    public sealed record DropSubscriptions(long AskedAt) : Command;

    /// <param name="Page">1-based.</param>
    public sealed record ShowEvents(int Page) : Command;

    public sealed record Remind(long EventId) : Command;

    public sealed record StopReminding(long EventId) : Command;

    /// <summary>申し込む: starts the application (its questions, then a summary to confirm).</summary>
    public sealed record Apply(long EventId) : Command;

    /// <param name="Size">People, the applicant included.</param>
    public sealed record ApplyParty(long EventId, int Size) : Command;

    /// <summary>A quick reply to question <paramref name="Question"/> (0-based): a choice's index, or a number.</summary>
    public sealed record ApplyAnswer(long EventId, int Question, int Value) : Command;

    /// <summary>戻る: the previous step of the application.</summary>
    public sealed record ApplyBack(long EventId) : Command;

    /// <summary>やめる: leaves the application; nothing is stored.</summary>
    public sealed record ApplyQuit(long EventId) : Command;

    /// <summary>The summary confirmed: takes a seat, or a place on the waiting list.</summary>
    public sealed record ApplyConfirm(long EventId) : Command;

    /// <summary>自分の申し込み.</summary>
    public sealed record ShowApplications : Command;

    /// <summary>Asks to confirm cancelling application <paramref name="Number"/>.</summary>
    public sealed record CancelApplication(long EventId, long Number) : Command;

    public sealed record ConfirmCancelApplication(long EventId, long Number) : Command;

    /// <summary>A tap on the thanks after the event: <paramref name="Rating"/> 1 to 5 for application <paramref name="Number"/>.</summary>
    public sealed record Rate(long EventId, long Number, int Rating) : Command;

    /// <summary>コメントを書く after rating: the next text is the comment.</summary>
    public sealed record RatingComment(long EventId, long Number) : Command;

    /// <summary>戻る from the comment step to the choice after the rating.</summary>
    public sealed record RatingBack(long EventId, long Number) : Command;

    /// <summary>やめる or 終わる: no comment.</summary>
    public sealed record RatingEnd(long EventId, long Number) : Command;

    /// <summary>The event's place as a LINE location message.</summary>
    public sealed record ShowMap(long EventId) : Command;

    /// <summary>わたしのデータ: what the office holds about the citizen.</summary>
    public sealed record ShowOwnData : Command;

    /// <summary>データを削除: asks for a confirmation first.</summary>
    public sealed record AskErase : Command;

    /// <param name="AskedAt">When the confirmation was offered (unix seconds): one tapped much later, or before the last deletion, is refused.</param>
    public sealed record ConfirmErase(long AskedAt) : Command;

    public sealed record CancelErase : Command;

    /// <summary>"Ask staff": the next text is a question for staff, whatever it says.</summary>
    public sealed record Ask : Command;

    /// <summary>緊急連絡先 on the disaster menu: 119, 110 and the rest.</summary>
    public sealed record ShowEmergencyNumbers : Command;

    /// <summary>避難所 on the disaster menu: the open shelters, with 「現在地を送る」 to have them nearest first.</summary>
    public sealed record ShowShelters : Command;

    /// <summary>ハザードマップ on the disaster menu: the city's hazard map in the citizen's language where there is one.</summary>
    public sealed record ShowHazardMap : Command;

    /// <summary>安否: 無事です, or 助けが必要 (<paramref name="NeedsHelp"/>), for staff's queue.</summary>
    public sealed record ReportSafety(bool NeedsHelp) : Command;

    /// <summary>回答する: begins the survey, or goes on where the citizen stopped.</summary>
    public sealed record SurveyStart(long SurveyId) : Command;

    /// <summary>The one answer to question <paramref name="Question"/> (0-based): an option's index, or the scale's value.</summary>
    public sealed record SurveyPick(long SurveyId, int Question, int Value) : Command;

    /// <summary>Option <paramref name="Option"/> of a multiple-choice question chosen (<paramref name="On"/>) or taken away.</summary>
    public sealed record SurveyMark(long SurveyId, int Question, int Option, bool On) : Command;

    /// <summary>次へ: the answer to question <paramref name="Question"/> stands; on to the next.</summary>
    public sealed record SurveyNext(long SurveyId, int Question) : Command;

    /// <summary>やめる: stops answering for now; what was answered stays.</summary>
    public sealed record SurveyQuit(long SurveyId) : Command;

    /// <summary>プロフィール: the consent first, else the profile with change and erase.</summary>
    public sealed record ProfileShow : Command;

    /// <summary>同意する: the consent recorded; the questions begin.</summary>
    public sealed record ProfileConsent : Command;

    /// <param name="Page">1-based.</param>
    public sealed record ProfileAreas(int Page) : Command;

    /// <param name="Page">1-based.</param>
    public sealed record ProfileDistricts(long AreaId, int Page) : Command;

    public sealed record ProfileDistrict(long DistrictId) : Command;

    public sealed record ProfileAges : Command;

    /// <param name="Band">1-based place in the age bands (1 = 10s … 8 = 80+).</param>
    public sealed record ProfileAge(int Band) : Command;

    /// <param name="Page">1-based.</param>
    public sealed record ProfileSkills(int Page) : Command;

    /// <summary>Skill <paramref name="SkillId"/> chosen (<paramref name="On"/>) or taken back, shown on <paramref name="Page"/>.</summary>
    public sealed record ProfileSkill(long SkillId, int Page, bool On) : Command;

    public sealed record ProfileDays : Command;

    /// <param name="Day">1 = Monday … 7 = Sunday.</param>
    public sealed record ProfileDay(int Day, bool On) : Command;

    /// <summary>プロフィールを削除: asks for a confirmation first.</summary>
    public sealed record ProfileAskErase : Command;

    /// <param name="AskedAt">When the confirmation was offered (unix seconds): one tapped much later is refused.</param>
    public sealed record ProfileErase(long AskedAt) : Command;

    public sealed record ProfileKeep : Command;
}
