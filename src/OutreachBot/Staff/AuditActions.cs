namespace OutreachBot.Staff;

/// <summary>The kinds of audit entries, with how the audit page names them.</summary>
public static class AuditActions
{
    public const string SignInSucceeded = "signin.succeeded";
    public const string SignInFailed = "signin.failed";
    public const string SignInLocked = "signin.locked";
    public const string SignOut = "signout";
    public const string PasswordChanged = "password.changed";
    public const string AccountCreated = "account.created";
    public const string AccountUpdated = "account.updated";
    public const string AccountPasswordReset = "account.password_reset";
    public const string AccountUnlocked = "account.unlocked";
    public const string ApiKeyCreated = "apikey.created";
    public const string ApiKeyRevoked = "apikey.revoked";
    public const string TopicCreated = "topic.created";
    public const string TopicUpdated = "topic.updated";
    public const string TopicArchived = "topic.archived";
    public const string TopicRestored = "topic.restored";
    public const string TopicsReordered = "topic.reordered";
    public const string ParkedEventRetried = "inbox.retried";
    public const string EventCreated = "event.created";
    public const string EventUpdated = "event.updated";
    public const string EventCancelled = "event.cancelled";
    public const string EventBroadcastsCreated = "event.broadcasts_created";
    public const string EventRosterViewed = "event.roster_viewed";
    public const string EventApplicationAdded = "event.application_added";
    public const string EventApplicationCancelled = "event.application_cancelled";
    public const string EventAttended = "event.attended";
    public const string QuestionAssigned = "question.assigned";
    public const string QuestionReplied = "question.replied";
    public const string QuestionDone = "question.done";
    public const string QuestionReopened = "question.reopened";
    public const string FaqCreated = "faq.created";
    public const string FaqUpdated = "faq.updated";
    public const string FaqDeleted = "faq.deleted";
    public const string LineUserIdChanged = "account.line_user_id";
    public const string StaffEmailChanged = "account.email";
    public const string BroadcastCreated = "broadcast.created";
    public const string BroadcastUpdated = "broadcast.updated";
    public const string BroadcastSubmitted = "broadcast.submitted";
    public const string BroadcastApproved = "broadcast.approved";
    public const string BroadcastSentBack = "broadcast.sent_back";
    public const string BroadcastCancelled = "broadcast.cancelled";
    public const string BroadcastForced = "broadcast.forced";
    public const string BroadcastTestSent = "broadcast.test_sent";
    public const string MailSubscriberRemoved = "mail_subscriber.removed";
    public const string MailSubscribersImported = "mail_subscriber.imported";
    public const string CitizenDataDisclosed = "citizen_data.disclosed";
    public const string CitizenDataErased = "citizen_data.erased";
    public const string SurveyCreated = "survey.created";

    public static IReadOnlyDictionary<string, Bilingual> Labels { get; } = new Dictionary<string, Bilingual>
    {
        [SignInSucceeded] = new("サインイン", "Signed in"),
        [SignInFailed] = new("サインイン失敗", "Sign-in failed"),
        [SignInLocked] = new("ロック", "Locked out"),
        [SignOut] = new("サインアウト", "Signed out"),
        [PasswordChanged] = new("パスワード変更", "Password changed"),
        [AccountCreated] = new("アカウント作成", "Account created"),
        [AccountUpdated] = new("アカウント変更", "Account changed"),
        [AccountPasswordReset] = new("パスワード再発行", "Password reset"),
        [AccountUnlocked] = new("ロック解除", "Account unlocked"),
        [ApiKeyCreated] = new("APIキー作成", "API key created"),
        [ApiKeyRevoked] = new("APIキー無効化", "API key revoked"),
        [TopicCreated] = new("トピック作成", "Topic created"),
        [TopicUpdated] = new("トピック変更", "Topic changed"),
        [TopicArchived] = new("トピックをアーカイブ", "Topic archived"),
        [TopicRestored] = new("トピックを復元", "Topic restored"),
        [TopicsReordered] = new("トピック並べ替え", "Topics reordered"),
        [ParkedEventRetried] = new("保留イベント再試行", "Parked event retried"),
        [EventCreated] = new("イベント作成", "Event created"),
        [EventUpdated] = new("イベント変更", "Event changed"),
        [EventCancelled] = new("イベント中止", "Event cancelled"),
        [EventBroadcastsCreated] = new("イベントの配信を作成", "Event broadcasts created"),
        [EventRosterViewed] = new("申込者名簿を閲覧", "Roster viewed"),
        [EventApplicationAdded] = new("申し込みを代理入力", "Application added by staff"),
        [EventApplicationCancelled] = new("申し込みを取り消し", "Application cancelled by staff"),
        [EventAttended] = new("出席を記録", "Attendance marked"),
        [QuestionAssigned] = new("相談の担当を設定", "Question assigned"),
        [QuestionReplied] = new("相談に回答", "Reply sent"),
        [QuestionDone] = new("相談を完了", "Question marked done"),
        [QuestionReopened] = new("相談を再開", "Question reopened"),
        [FaqCreated] = new("FAQ作成", "FAQ created"),
        [FaqUpdated] = new("FAQ変更", "FAQ changed"),
        [FaqDeleted] = new("FAQ削除", "FAQ deleted"),
        [LineUserIdChanged] = new("LINEユーザーID変更", "LINE user id changed"),
        [StaffEmailChanged] = new("メールアドレス変更", "E-mail address changed"),
        [BroadcastCreated] = new("配信作成", "Broadcast created"),
        [BroadcastUpdated] = new("配信変更", "Broadcast changed"),
        [BroadcastSubmitted] = new("配信の承認申請", "Broadcast submitted"),
        [BroadcastApproved] = new("配信承認", "Broadcast approved"),
        [BroadcastSentBack] = new("配信差し戻し", "Broadcast sent back"),
        [BroadcastCancelled] = new("配信取り消し", "Broadcast cancelled"),
        [BroadcastForced] = new("配信の強制送信", "Broadcast forced"),
        [BroadcastTestSent] = new("テスト送信", "Test send"),
        [MailSubscriberRemoved] = new("メール購読者を削除", "E-mail subscriber removed"),
        [MailSubscribersImported] = new("メール購読者を取り込み", "E-mail subscribers imported"),
        [CitizenDataDisclosed] = new("市民の個人情報を開示", "Citizen's data disclosed"),
        [CitizenDataErased] = new("市民の個人情報を削除", "Citizen's data erased"),
        [SurveyCreated] = new("アンケート作成", "Survey created"),
    };

    public static Bilingual Label(string action) => Labels.TryGetValue(action, out var label) ? label : new(action, action);
}
