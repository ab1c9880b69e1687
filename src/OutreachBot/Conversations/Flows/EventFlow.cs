using Microsoft.Extensions.Options;
using OutreachBot.CivicEvents;
using OutreachBot.CivicEvents.Applications;
using OutreachBot.Conversations.Menu;
using OutreachBot.Conversations.Views;
using OutreachBot.Subscriptions;

namespace OutreachBot.Conversations.Flows;

/// <summary>Upcoming events and "remind me" (リマインド).</summary>
public sealed partial class EventFlow(
    CivicEventStore events,
    EventReminderStore reminders,
    ApplicationStore applications,
    TopicStore topics,
    MainMenu menu,
    IOptions<BotOptions> bot,
    ILogger<EventFlow> logger)
{
    public async Task<IReadOnlyList<Message>> ShowAsync(Turn turn, int page, CancellationToken cancellationToken)
    {
        var t = turn.Texts;
        var offset = (page - 1) * EventCards.PerPage;
        var (onPage, total) = await events.UpcomingAsync(turn.Now, offset, EventCards.PerPage, cancellationToken);
        if (onPage.Count == 0 && page > 1 && total > 0)
        {
            // Events ended since the "next page" button was made: show the last page there is.
            page = ((total - 1) / EventCards.PerPage) + 1;
            offset = (page - 1) * EventCards.PerPage;
            (onPage, total) = await events.UpcomingAsync(turn.Now, offset, EventCards.PerPage, cancellationToken);
        }

        if (onPage.Count == 0)
        {
            return [Menus.Text(t[TextKeys.EventsNone], menu.Shortcuts(t))];
        }

        var reminded = await reminders.EventIdsOfAsync(turn.UserId, cancellationToken);
        var carousel = EventCards.Page(
            t, onPage, total - offset - onPage.Count, page, reminded, await TopicsAsync(cancellationToken), bot.Value.Zone, await ApplyStateAsync(turn, cancellationToken));
        return page == 1 ? [Menus.Text(t[TextKeys.EventsIntro]), carousel] : [carousel];
    }

    public async Task<IReadOnlyList<Message>> RemindAsync(Turn turn, long eventId, CancellationToken cancellationToken)
    {
        var t = turn.Texts;
        if (await events.FindAsync(eventId, cancellationToken) is not { } found || !found.IsUpcoming(turn.Now))
        {
            LogUnavailableEvent(turn.Event.Id, eventId);
            return Unavailable(t);
        }

        await reminders.RequestAsync(turn.UserId, eventId, turn.Now, cancellationToken);
        return
        [
            Menus.Text(t.Format(TextKeys.EventRemindSet, found.TitleIn(t.Language))),
            EventCards.Card(t, found, reminded: true, await TopicsAsync(cancellationToken), bot.Value.Zone, await ApplyStateAsync(turn, cancellationToken)),
        ];
    }

    /// <summary>Works on past and cancelled events too: withdrawing a request is always allowed.</summary>
    public async Task<IReadOnlyList<Message>> StopRemindingAsync(Turn turn, long eventId, CancellationToken cancellationToken)
    {
        var t = turn.Texts;
        if (await events.FindAsync(eventId, cancellationToken) is not { } found)
        {
            LogUnavailableEvent(turn.Event.Id, eventId);
            return Unavailable(t);
        }

        await reminders.CancelAsync(turn.UserId, eventId, turn.Now, cancellationToken);
        var confirmation = Menus.Text(t.Format(TextKeys.EventRemindCancelled, found.TitleIn(t.Language)));
        return found.IsUpcoming(turn.Now)
            ? [confirmation, EventCards.Card(t, found, reminded: false, await TopicsAsync(cancellationToken), bot.Value.Zone, await ApplyStateAsync(turn, cancellationToken))]
            : [confirmation];
    }

    private static IReadOnlyList<Message> Unavailable(BotTexts t) =>
        [Menus.Text(t[TextKeys.EventUnavailable], QuickReply.Of(Menus.Button(t[TextKeys.MenuEvents], new Command.ShowEvents(1))))];

    private async Task<EventCards.ApplyState> ApplyStateAsync(Turn turn, CancellationToken cancellationToken) =>
        new(turn.Now, (await applications.OpenOfUserAsync(turn.UserId, turn.Now, cancellationToken)).ToDictionary(a => a.EventId));

    private async Task<IReadOnlyDictionary<long, Topic>> TopicsAsync(CancellationToken cancellationToken) =>
        (await topics.ListAsync(includeArchived: true, cancellationToken)).ToDictionary(topic => topic.Id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox event {Id}: a button for event {EventId}, which is over, cancelled or gone; nothing changed")]
    private partial void LogUnavailableEvent(long id, long eventId);
}
