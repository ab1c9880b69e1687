namespace OutreachBot.StaffConsole;

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
    };

    public static Bilingual Label(string action) => Labels.TryGetValue(action, out var label) ? label : new(action, action);
}
