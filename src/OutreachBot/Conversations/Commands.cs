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

    /// <summary>"Ask staff": the next text is a question for staff, whatever it says.</summary>
    public sealed record Ask : Command;
}
