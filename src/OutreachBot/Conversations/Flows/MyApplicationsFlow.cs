using Microsoft.Extensions.Options;
using OutreachBot.CivicEvents;
using OutreachBot.CivicEvents.Applications;
using OutreachBot.Conversations.Menu;
using OutreachBot.Conversations.Views;

namespace OutreachBot.Conversations.Flows;

/// <summary>
/// 自分の申し込み: the citizen's applications with a cancel button, cancelling after a confirmation. The application
/// number in a button is checked against the citizen who taps it, so someone else's number changes nothing.
/// </summary>
public sealed partial class MyApplicationsFlow(
    ApplicationStore applications, CivicEventStore events, MainMenu menu, IOptions<BotOptions> bot, ILogger<MyApplicationsFlow> logger)
{
    /// <summary>LINE's limit on a location message's title and address.</summary>
    private const int LocationTextLength = 100;

    public async Task<IReadOnlyList<Message>> ShowAsync(Turn turn, CancellationToken cancellationToken)
    {
        var t = turn.Texts;
        var mine = await applications.OpenOfUserAsync(turn.UserId, turn.Now, cancellationToken);
        if (mine.Count == 0)
        {
            return [Menus.Text(t[TextKeys.ApplicationsNone], menu.Shortcuts(t))];
        }

        var bubbles = new List<FlexBubble>();
        foreach (var application in mine.Take(LineLimits.CarouselBubbles))
        {
            if (await events.FindAsync(application.EventId, cancellationToken) is { } e)
            {
                bubbles.Add(MyApplicationCards.Bubble(t, e, application, bot.Value.Zone));
            }
        }

        return [Menus.Text(t[TextKeys.ApplicationsIntro]), new FlexMessage(t[TextKeys.ApplicationsAltText], new FlexCarousel(bubbles))];
    }

    public async Task<IReadOnlyList<Message>> AskCancelAsync(Turn turn, long eventId, long number, CancellationToken cancellationToken)
    {
        var t = turn.Texts;
        var application = await applications.FindAsync(eventId, number, cancellationToken);
        if (application is null || application.UserId != turn.UserId || await events.FindAsync(eventId, cancellationToken) is not { } e)
        {
            LogNotTheirs(turn.Event.Id);
            return [Menus.Text(t[TextKeys.ApplicationsNotFound], menu.Shortcuts(t))];
        }

        if (!application.IsOpen)
        {
            return [Menus.Text(t[TextKeys.ApplicationsAlreadyCancelled], menu.Shortcuts(t))];
        }

        return
        [
            Menus.Confirm(
                t.Format(TextKeys.ApplicationsCancelAsk, e.TitleIn(t.Language), number),
                Menus.Button(t[TextKeys.ApplicationsCancelYes], new Command.ConfirmCancelApplication(eventId, number)),
                Menus.Button(t[TextKeys.ApplicationsCancelNo], new Command.ShowApplications())),
        ];
    }

    public async Task<IReadOnlyList<Message>> CancelAsync(Turn turn, long eventId, long number, CancellationToken cancellationToken)
    {
        var t = turn.Texts;
        var outcome = await applications.CancelAsync(eventId, number, turn.UserId, turn.Now, cancellationToken);
        var e = await events.FindAsync(eventId, cancellationToken);
        var text = outcome.Result switch
        {
            CancelResult.Cancelled => t.Format(TextKeys.ApplicationsCancelled, e?.TitleIn(t.Language), number),
            CancelResult.AlreadyCancelled => t[TextKeys.ApplicationsAlreadyCancelled],
            CancelResult.TooLate => t[TextKeys.ApplicationsTooLate],
            _ => t[TextKeys.ApplicationsNotFound],
        };
        if (outcome.Result == CancelResult.NotFound)
        {
            LogNotTheirs(turn.Event.Id);
        }

        return [Menus.Text(text, menu.Shortcuts(t))];
    }

    /// <summary>The event's map point as a LINE location message, or its venue and address in text when it has none.</summary>
    public async Task<IReadOnlyList<Message>> MapAsync(Turn turn, long eventId, CancellationToken cancellationToken)
    {
        var t = turn.Texts;
        if (await events.FindAsync(eventId, cancellationToken) is not { Details.Location: { } location } e)
        {
            return [Menus.Text(t[TextKeys.EventUnavailable], menu.Shortcuts(t))];
        }

        return
        [
            new LocationMessage(
                LineLimits.Truncate(e.VenueIn(t.Language), LocationTextLength),
                LineLimits.Truncate(e.Details.Address ?? e.VenueIn(t.Language), LocationTextLength),
                location.Latitude,
                location.Longitude),
        ];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox event {Id}: a cancel button for an application that is not the citizen's; answered politely, nothing changed")]
    private partial void LogNotTheirs(long id);
}
