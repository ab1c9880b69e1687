using Microsoft.Extensions.Options;
using OutreachBot.Conversations.Menu;
using OutreachBot.Conversations.Views;
using OutreachBot.Subscriptions;

namespace OutreachBot.Conversations.Flows;

/// <summary>Browsing topics, following and unfollowing them, "my subscriptions" and 配信停止.</summary>
public sealed partial class TopicFlow(
    TopicStore topics, SubscriptionStore subscriptions, MainMenu menu, IOptions<ConversationOptions> options, ILogger<TopicFlow> logger)
{
    public async Task<IReadOnlyList<Message>> ShowAsync(Turn turn, int page, CancellationToken cancellationToken)
    {
        var t = turn.Texts;
        var open = await topics.ListAsync(includeArchived: false, cancellationToken);
        if (open.Count == 0)
        {
            return [Menus.Text(t[TextKeys.TopicsNone], menu.Shortcuts(t))];
        }

        // A "next page" tapped after topics were archived lands on the last page there is.
        var shown = Math.Min(page, TopicCards.PageCount(open.Count));
        var following = await subscriptions.TopicIdsOfAsync(turn.UserId, cancellationToken);
        var carousel = TopicCards.Page(t, open, following, shown);
        return shown == 1 ? [Menus.Text(t[TextKeys.TopicsIntro]), carousel] : [carousel];
    }

    public async Task<IReadOnlyList<Message>> SubscribeAsync(Turn turn, long topicId, CancellationToken cancellationToken)
    {
        var t = turn.Texts;
        if (await topics.FindAsync(topicId, cancellationToken) is not { Archived: false } topic)
        {
            LogUnavailableTopic(turn.Event.Id, topicId);
            return [Menus.Text(t[TextKeys.TopicUnavailable], QuickReply.Of(Menus.Button(t[TextKeys.MenuTopics], new Command.ShowTopics(1))))];
        }

        await subscriptions.SubscribeAsync(turn.UserId, topic.Id, turn.Event.OccurredAt, cancellationToken);
        var updated = await topics.FindAsync(topic.Id, cancellationToken) ?? topic;
        return [Menus.Text(t.Format(TextKeys.TopicSubscribed, topic.NameIn(t.Language))), TopicCards.Card(t, updated, following: true)];
    }

    /// <summary>Works on archived topics too: a citizen may always leave.</summary>
    public async Task<IReadOnlyList<Message>> UnsubscribeAsync(Turn turn, long topicId, CancellationToken cancellationToken)
    {
        var t = turn.Texts;
        if (await topics.FindAsync(topicId, cancellationToken) is not { } topic)
        {
            LogUnavailableTopic(turn.Event.Id, topicId);
            return [Menus.Text(t[TextKeys.TopicUnavailable], QuickReply.Of(Menus.Button(t[TextKeys.MenuMine], new Command.ShowSubscriptions())))];
        }

        await subscriptions.UnsubscribeAsync(turn.UserId, topic.Id, turn.Event.OccurredAt, cancellationToken);
        var confirmation = Menus.Text(t.Format(TextKeys.TopicUnsubscribed, topic.NameIn(t.Language)));
        var updated = await topics.FindAsync(topic.Id, cancellationToken) ?? topic;
        return updated.Archived ? [confirmation] : [confirmation, TopicCards.Card(t, updated, following: false)];
    }

    public async Task<IReadOnlyList<Message>> ShowMineAsync(Turn turn, CancellationToken cancellationToken)
    {
        var t = turn.Texts;
        var mine = await subscriptions.TopicIdsOfAsync(turn.UserId, cancellationToken);
        if (mine.Count == 0)
        {
            return [Menus.Text(t[TextKeys.MineNone], QuickReply.Of(Menus.Button(t[TextKeys.MenuTopics], new Command.ShowTopics(1))))];
        }

        var followed = (await topics.ListAsync(includeArchived: true, cancellationToken)).Where(topic => mine.Contains(topic.Id)).ToList();
        return [SubscriptionList.Of(t, followed)];
    }

    public async Task<IReadOnlyList<Message>> AskStopAllAsync(Turn turn, CancellationToken cancellationToken)
    {
        var t = turn.Texts;
        var count = (await subscriptions.TopicIdsOfAsync(turn.UserId, cancellationToken)).Count;
        if (count == 0)
        {
            return [Menus.Text(t[TextKeys.MineNone], QuickReply.Of(Menus.Button(t[TextKeys.MenuTopics], new Command.ShowTopics(1))))];
        }

        return
        [
            Menus.Confirm(
                t.Format(TextKeys.StopAllConfirm, count),
                Menus.Button(t[TextKeys.StopAllYes], new Command.ConfirmStopAll(turn.Now.ToUnixTimeSeconds())),
                Menus.Button(t[TextKeys.StopAllNo], new Command.CancelStopAll())),
        ];
    }

    public async Task<IReadOnlyList<Message>> StopAllAsync(Turn turn, long askedAt, CancellationToken cancellationToken)
    {
        if (!turn.IsFresh(askedAt, options.Value.ConfirmationLifetime))
        {
            LogExpiredConfirmation(turn.Event.Id);
            return menu.Expired(turn.Texts);
        }

        await subscriptions.UnsubscribeAllAsync(turn.UserId, turn.Event.OccurredAt, cancellationToken);
        return [Menus.Text(turn.Texts[TextKeys.StopAllDone], menu.Shortcuts(turn.Texts))];
    }

    public IReadOnlyList<Message> CancelStopAll(Turn turn) => [Menus.Text(turn.Texts[TextKeys.StopAllCancelled], menu.Shortcuts(turn.Texts))];

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox event {Id}: a button for topic {TopicId}, which is archived or gone; nothing changed")]
    private partial void LogUnavailableTopic(long id, long topicId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox event {Id}: a 配信停止 confirmation tapped after it expired; nothing changed")]
    private partial void LogExpiredConfirmation(long id);
}
