using System.ComponentModel.DataAnnotations;

namespace OutreachBot.Conversations;

/// <summary>The <c>Conversations</c> settings.</summary>
public sealed class ConversationOptions
{
    public const string Section = "Conversations";

    /// <summary>
    /// Older events are answered by push, not with their reply token: LINE's token lasts about a minute from the
    /// event, and a reply that fails for age costs a round trip. Replies are free; pushes count toward the quota.
    /// </summary>
    public TimeSpan ReplyTokenMaxAge { get; set; } = TimeSpan.FromSeconds(50);

    /// <summary>
    /// An answer that cannot use its reply token goes out by push only this soon after the event; older ones (after an
    /// outage, say) are dropped and logged: an answer hours late confuses more than it helps, and pushes cost quota.
    /// </summary>
    public TimeSpan PushFallbackMaxAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many automated answers a citizen gets in a row before the bot slows down for them.</summary>
    [Range(1, 10_000)]
    public int AnswerBurst { get; set; } = 20;

    /// <summary>How fast a citizen's answers come back after a burst; beyond that the bot stays silent to them.</summary>
    [Range(1, 10_000)]
    public int AnswersPerMinute { get; set; } = 10;

    /// <summary>When an answer takes longer than this to prepare, LINE's loading animation shows meanwhile.</summary>
    public TimeSpan LoadingAnimationAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the animation may last (5 to 60, in steps of 5); the answer ends it sooner.</summary>
    [Range(5, 60)]
    public int LoadingAnimationSeconds { get; set; } = 20;

    /// <summary>How long a confirmation button (配信停止, dropping earlier subscriptions) stays valid.</summary>
    public TimeSpan ConfirmationLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>After "ask staff", how long the next text is taken as the question, whatever it says.</summary>
    public TimeSpan QuestionWait { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long to wait for a LINE profile (its language guesses the citizen's) before greeting without it.</summary>
    public TimeSpan ProfileTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Texts that replace those of BotTexts*.resx: language → key → text, e.g. <c>Conversations:Texts:ja:Consultation.AnswerTime</c>.</summary>
    public Dictionary<string, Dictionary<string, string>> Texts { get; set; } = [];

    public RichMenuOptions RichMenu { get; set; } = new();
}

public sealed class RichMenuOptions
{
    /// <summary>Provision one rich menu per language at start and link it to each citizen.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A font file for the menu images; empty = Noto Sans CJK or IPAGothic where installed, else what fontconfig offers.</summary>
    public string? FontFile { get; set; }

    /// <summary>
    /// A folder of ready-made images, <c>richmenu.{language}.png</c>, used instead of drawn ones: they must follow the tap
    /// areas of the current menu entries (six today: 2500 x 1686, three by two), so they are drawn again when an entry is added.
    /// </summary>
    public string? ImageFolder { get; set; }
}
